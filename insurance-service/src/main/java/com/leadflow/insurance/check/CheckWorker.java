package com.leadflow.insurance.check;

import com.leadflow.insurance.config.InsuranceProperties;
import com.leadflow.insurance.eligibility.AfterAttempt;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.RetryPolicy;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs due checks: claims each (a lease, so a crashed worker's check is taken over once the lease
 * ends), asks the payer, and records the attempt with what follows from it in one transaction:
 * the final status event, or the time of the next attempt. The schedule lives in the database, so
 * retries survive a restart; a claim and a completion are guarded by the check's version, so a
 * check is completed, and reported, once.
 */
public class CheckWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckWorker.class);
    private static final int ROUNDS_IN_FLIGHT = 4;

    private final CheckStore checks;
    private final AttemptStore attempts;
    private final CoverageStore coverages;
    private final PayerCall payerCall;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final InsuranceProperties properties;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;

    public CheckWorker(CheckStore checks, AttemptStore attempts, CoverageStore coverages, PayerCall payerCall, Outbox outbox,
            TransactionalOperator tx, InsuranceProperties properties, Clock clock) {
        this.checks = checks;
        this.attempts = attempts;
        this.coverages = coverages;
        this.payerCall = payerCall;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.policy = properties.retry().policy();
        this.clock = clock;
    }

    /** Looks for due checks now rather than at the next poll: a new check starts within milliseconds. */
    public void wakeUp() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    /** One round: every due check (up to a batch) is claimed and run. */
    public Mono<Integer> runDue() {
        Instant now = clock.instant();
        return checks.due(now, properties.worker().batchSize())
                .flatMap(check -> checks.claim(check, now.plus(properties.worker().lease())),
                        properties.worker().concurrency())
                .flatMap(this::attempt, properties.worker().concurrency())
                .count().map(Long::intValue);
    }

    private Mono<Boolean> attempt(EligibilityCheck claimed) {
        EligibilityRequest request = new EligibilityRequest(properties.providerNpi(), claimed.payerId(),
                claimed.memberId(), claimed.subscriber(), List.of(EligibilityRequest.HEALTH_BENEFIT_PLAN_COVERAGE));
        return payerCall.call(request).flatMap(result -> {
            Instant now = clock.instant();
            AfterAttempt after = AfterAttempt.decide(result.verdict(), claimed.attempts(), claimed.createdAt(), now,
                    policy);
            Mono<Boolean> settle = attempts.record(claimed.id(), claimed.attempts(), result.startedAt(), result.took(),
                            result.verdict())
                    .then(coverages.record(claimed.id(), claimed.attempts(), result.verdict().coverages()))
                    .then(checks.settle(claimed, after, now))
                    .flatMap(settled -> settled && after instanceof AfterAttempt.Finish finish
                            ? outbox.record(Topics.LEADS_STATUS, claimed.leadId(), StatusEvents.finished(claimed,
                                    finish.state(), finish.verdict(), claimed.attempts(), now)).thenReturn(true)
                            : Mono.just(settled));
            return tx.transactional(settle).doOnNext(settled -> {
                if (!settled) {
                    log.warn("Check {} moved on while its attempt {} ran; this attempt's answer was dropped",
                            claimed.id(), claimed.attempts());
                } else if (after instanceof AfterAttempt.RetryAt retry) {
                    log.info("Check {} attempt {} was {}; next attempt at {}", claimed.id(), claimed.attempts(),
                            result.verdict().kind(), retry.at());
                } else {
                    log.info("Check {} ended {} after {} attempt(s)", claimed.id(),
                            ((AfterAttempt.Finish) after).state(), claimed.attempts());
                }
            });
        }).onErrorResume(failure -> {
            // the lease ends and the check is tried again; the message may quote SQL values, so only the type
            log.error("Check {} attempt {} could not be recorded ({})", claimed.id(), claimed.attempts(),
                    failure.getClass().getName());
            return Mono.just(false);
        });
    }

    @Override
    public void start() {
        loop = Flux.merge(Flux.interval(properties.worker().pollInterval()).map(tick -> Boolean.TRUE),
                        wakeUps.asFlux())
                .onBackpressureDrop()
                // rounds may overlap (a slow payer must not hold up the others): claims are version-guarded
                .flatMap(tick -> runDue().onErrorResume(failure -> {
                    log.error("Looking for due eligibility checks failed ({})", failure.getClass().getName());
                    return Mono.just(0);
                }), ROUNDS_IN_FLIGHT)
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
