package com.leadflow.insurance.check;

import com.leadflow.insurance.config.InsuranceProperties;
import com.leadflow.insurance.eligibility.AfterAttempt;
import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.RetryPolicy;
import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One attempt of a check, and the end of a check whose retries are spent. An attempt asks the payer
 * and records, in one transaction, the attempt with what follows from it: the check's end and its
 * final status event, or the count of a transient answer (the caller then retries it). Both are
 * guarded by the attempts counted so far, so a redelivered attempt changes nothing and a check is
 * reported once.
 */
public class CheckAttempts {

    /** What an attempt came to. */
    public enum Outcome {
        /** The check ended; its final status is on its way. */
        ENDED,
        /** The payer could not answer now: ask again after a backoff. */
        RETRY,
        /** The check's retry window was over before this attempt: end it as failed. */
        WINDOW_SPENT,
        /** Nothing to do: the check ended, or this attempt was already applied. */
        SKIPPED
    }

    private static final Logger log = LoggerFactory.getLogger(CheckAttempts.class);

    private final CheckStore checks;
    private final AttemptStore attempts;
    private final CoverageStore coverages;
    private final PayerCall payerCall;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final InsuranceProperties properties;
    private final RetryPolicy policy;
    private final Clock clock;

    public CheckAttempts(CheckStore checks, AttemptStore attempts, CoverageStore coverages, PayerCall payerCall,
            Outbox outbox, TransactionalOperator tx, InsuranceProperties properties, Clock clock) {
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

    /** Makes attempt number {@code attempt} of a check, unless that attempt (or a later one) was made already. */
    public Mono<Outcome> attempt(UUID checkId, int attempt) {
        return checks.find(checkId).flatMap(check -> {
            if (check.state().isFinal() || check.attempts() >= attempt) {
                log.info("Check {} attempt {} skipped: the check is {} after {} attempt(s)", checkId, attempt,
                        check.state(), check.attempts());
                return Mono.just(Outcome.SKIPPED);
            }
            if (clock.instant().isAfter(check.deadlineAt())) {
                return Mono.just(Outcome.WINDOW_SPENT);
            }
            EligibilityRequest request = new EligibilityRequest(properties.providerNpi(), check.payerId(),
                    check.memberId(), check.subscriber(), List.of(EligibilityRequest.HEALTH_BENEFIT_PLAN_COVERAGE));
            return payerCall.call(request).flatMap(result -> apply(check, result));
        }).switchIfEmpty(Mono.fromSupplier(() -> {
            log.warn("Check {} attempt {} skipped: no such check", checkId, attempt);
            return Outcome.SKIPPED;
        }));
    }

    private Mono<Outcome> apply(EligibilityCheck check, PayerCall.Result result) {
        int made = check.attempts() + 1;
        Instant now = clock.instant();
        Verdict verdict = result.verdict();
        AfterAttempt after = AfterAttempt.of(verdict);
        Mono<Boolean> counted = after instanceof AfterAttempt.Finish finish
                ? checks.finish(check.id(), check.attempts(), made, finish.state(), finish.verdict(), now)
                // overdue (and sent again by the sweep) only if the retry record is lost
                : checks.countTransient(check.id(), check.attempts(), now.plus(policy.backoffAfter(made))
                        .plus(properties.callTimeout()).plus(properties.worker().stalledAfter()), verdict.payerCode());
        Mono<Outcome> work = counted.flatMap(applied -> !applied ? Mono.just(Outcome.SKIPPED)
                : attempts.record(check.id(), made, result.startedAt(), result.took(), verdict)
                        .then(coverages.record(check.id(), made, verdict.coverages()))
                        .then(Mono.defer(() -> after instanceof AfterAttempt.Finish finish
                                ? outbox.record(Topics.LEADS_STATUS, check.leadId(),
                                        StatusEvents.finished(check, finish.state(), finish.verdict(), made, now))
                                        .thenReturn(Outcome.ENDED)
                                : Mono.just(Outcome.RETRY))));
        return tx.transactional(work).doOnNext(outcome -> {
            // the lead's one INFO line is intake's; per-lead lines here cost every lead a log write
            switch (outcome) {
                case ENDED -> log.debug("Check {} ended {} after {} attempt(s)", check.id(),
                        ((AfterAttempt.Finish) after).state(), made);
                case RETRY -> log.info("Check {} attempt {} was {}; it will be retried", check.id(), made,
                        verdict.kind());
                default -> log.info("Check {} attempt {} was already applied; this answer was dropped", check.id(),
                        made);
            }
        });
    }

    /**
     * Ends a check whose retries are spent as failed, saying how often and how long the payer was
     * asked; false when it had ended already.
     */
    public Mono<Boolean> giveUp(UUID checkId) {
        return checks.find(checkId).filter(check -> !check.state().isFinal())
                .flatMap(check -> attempts.forCheck(checkId).collectList().flatMap(made -> {
                    Instant now = clock.instant();
                    AttemptStore.Attempt last = made.isEmpty() ? null : made.get(made.size() - 1);
                    Verdict lastVerdict = last == null ? null : Verdict.transientFailure(last.payerCode(), last.detail());
                    AfterAttempt.Finish end = AfterAttempt.gaveUp(lastVerdict, check.attempts(), check.createdAt(), now);
                    Mono<Boolean> work = checks.finish(checkId, check.attempts(), check.attempts(), CheckState.FAILED,
                                    end.verdict(), now)
                            .flatMap(ended -> ended
                                    ? outbox.record(Topics.LEADS_STATUS, check.leadId(), StatusEvents.finished(check,
                                            CheckState.FAILED, end.verdict(), check.attempts(), now)).thenReturn(true)
                                    : Mono.just(false));
                    return tx.transactional(work).doOnNext(ended -> {
                        if (ended) {
                            log.info("Check {} failed after {} attempt(s): retries spent", checkId, check.attempts());
                        }
                    });
                }))
                .defaultIfEmpty(false);
    }
}
