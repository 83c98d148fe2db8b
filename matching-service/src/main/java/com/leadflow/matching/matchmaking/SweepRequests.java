package com.leadflow.matching.matchmaking;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Asks for the wait-list to be tried again because an ambassador gained room: a match ended, or an
 * ambassador joined, resumed or took on more conversations. The request is sent only once the
 * change is committed, so the sweep sees it.
 */
@Component
public class SweepRequests {

    private final Sinks.Many<Boolean> requests = Sinks.many().multicast().onBackpressureBuffer(16, false);

    /** Requests a sweep after the current transaction commits (at once when there is none). */
    public Mono<Void> afterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(tx -> tx.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        request();
                        return Mono.empty();
                    }
                }))
                .onErrorResume(noTransaction -> Mono.fromRunnable(this::request).then(Mono.empty()))
                .then();
    }

    /**
     * Requests a sweep after the JDBC transaction of this thread commits (a consumer's poll; at once
     * when there is none).
     */
    public void afterJdbcCommit() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            request();
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        request();
                    }
                });
    }

    public void request() {
        // another thread emitting at the same moment is retried; a full buffer means a sweep is due anyway
        Sinks.EmitResult result;
        do {
            result = requests.tryEmitNext(Boolean.TRUE);
        } while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED);
    }

    Flux<Boolean> asFlux() {
        return requests.asFlux();
    }
}
