package com.leadflow.insurance.check;

import com.leadflow.insurance.config.InsuranceProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The safety net under the checks topic: a check in progress whose next attempt is overdue (its
 * chain of attempts broke: a retry record lost, an attempt that could not be recorded however
 * often it was retried) is queued again, re-armed and queued in one transaction. Normal retries
 * never come here: each attempt moves the check's deadline past its next backoff; the first
 * ticket cannot be lost, as it is written with the check (through the outbox). A check queued
 * twice is still attempted once per attempt number, so the worst a late original does is nothing.
 */
public class StalledCheckSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StalledCheckSweep.class);

    private final CheckStore checks;
    private final CheckQueue queue;
    private final TransactionalOperator tx;
    private final InsuranceProperties.Worker settings;
    private final Clock clock;
    private volatile Disposable loop;

    public StalledCheckSweep(CheckStore checks, CheckQueue queue, TransactionalOperator tx,
            InsuranceProperties.Worker settings, Clock clock) {
        this.checks = checks;
        this.queue = queue;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round: every stalled check (up to a batch) is given a new deadline and queued again. */
    public Mono<Integer> sweep() {
        Instant now = clock.instant();
        return checks.stalled(now, settings.batchSize())
                .concatMap(check -> tx.transactional(checks.rearm(check, now.plus(settings.stalledAfter()))
                        .filter(Boolean::booleanValue)
                        .flatMap(rearmed -> queue.enqueue(check).thenReturn(check))))
                .doOnNext(check -> log.info("Check {} was overdue and was queued again for attempt {}", check.id(),
                        check.attempts() + 1))
                .count().map(Long::intValue);
    }

    @Override
    public void start() {
        loop = Flux.interval(settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(failure -> {
                    log.error("Looking for stalled eligibility checks failed ({})", failure.getClass().getName());
                    return Mono.just(0);
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
