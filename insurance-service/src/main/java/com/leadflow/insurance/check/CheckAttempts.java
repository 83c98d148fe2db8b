package com.leadflow.insurance.check;

import com.leadflow.insurance.config.InsuranceProperties;
import com.leadflow.insurance.eligibility.AfterAttempt;
import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.RetryPolicy;
import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.correlation.CorrelationLogging;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a check, and the end of a check whose retries are spent. An attempt asks the payer
 * and records, in one transaction, the attempt with what follows from it: the check's end and its
 * final status event, or the count of a transient answer (the caller then retries it). Both are
 * guarded by the attempts counted so far, so a redelivered attempt changes nothing and a check is
 * reported once. The check's update, the attempt's row and its coverage lines are one statement on
 * PostgreSQL ({@link OutcomeStore}); the status event is the outbox's insert before the commit.
 *
 * <p>Blocking, on the listener's thread: the database work is JDBC ({@link ConsumerDatabase}),
 * which costs a fraction of R2DBC's CPU. The payer call stays reactive and is waited for outside
 * any transaction, so no connection is held while a payer answers.
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

    /**
     * The work an attempt continues: the correlation id and trace context its status event and
     * payer call carry (the trace context may be null).
     */
    public record Cause(String correlationId, SpanContext span) {

        /** The ids the platform's logging puts in the MDC ({@code CorrelationLogging.with}). */
        public Correlation.Ids ids() {
            return new Correlation.Ids(correlationId, span);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CheckAttempts.class);

    private final CheckStore checks;
    private final AttemptStore attempts;
    private final OutcomeStore outcomes;
    private final PayerCall payerCall;
    private final Outbox outbox;
    private final ConsumerDatabase db;
    private final InsuranceProperties properties;
    private final RetryPolicy policy;
    private final Duration longestCall;
    private final Clock clock;

    public CheckAttempts(CheckStore checks, AttemptStore attempts, OutcomeStore outcomes, PayerCall payerCall,
            Outbox outbox, ConsumerDatabase db, InsuranceProperties properties, Clock clock) {
        this.checks = checks;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.payerCall = payerCall;
        this.outbox = outbox;
        this.db = db;
        this.properties = properties;
        this.policy = properties.retry().policy();
        // the payer call ends by its own timeout with a verdict; this only bounds a call that never settles
        this.longestCall = properties.callTimeout().plusSeconds(30);
        this.clock = clock;
    }

    /** Makes attempt number {@code attempt} of a check, unless that attempt (or a later one) was made already. */
    public Outcome attempt(UUID checkId, int attempt, Cause cause) {
        // one statement, no transaction to end: the outcome below is guarded by the attempts it read
        Optional<EligibilityCheck> found = db.read(() -> checks.find(checkId));
        if (found.isEmpty()) {
            log.warn("Check {} attempt {} skipped: no such check", checkId, attempt);
            return Outcome.SKIPPED;
        }
        EligibilityCheck check = found.get();
        if (check.state().isFinal() || check.attempts() >= attempt) {
            log.info("Check {} attempt {} skipped: the check is {} after {} attempt(s)", checkId, attempt,
                    check.state(), check.attempts());
            return Outcome.SKIPPED;
        }
        if (clock.instant().isAfter(check.deadlineAt())) {
            return Outcome.WINDOW_SPENT;
        }
        EligibilityRequest request = new EligibilityRequest(properties.providerNpi(), check.payerId(),
                check.memberId(), check.subscriber(), List.of(EligibilityRequest.HEALTH_BENEFIT_PLAN_COVERAGE));
        PayerCall.Result result = payerCall.call(request)
                .contextWrite(context -> Correlation.with(context, cause.correlationId(), cause.span()))
                .block(longestCall);
        // again after waiting for reactive work: Reactor's context propagation clears the waiting thread's MDC
        return CorrelationLogging.with(cause.ids(), () -> apply(check, result, cause));
    }

    private Outcome apply(EligibilityCheck check, PayerCall.Result result, Cause cause) {
        int made = check.attempts() + 1;
        Instant now = clock.instant();
        Verdict verdict = result.verdict();
        AfterAttempt after = AfterAttempt.of(verdict);
        Outcome outcome = db.inTransaction(() -> {
            CheckStore.GuardedUpdate update = after instanceof AfterAttempt.Finish finish
                    ? CheckStore.finishing(check.id(), check.attempts(), made, finish.state(), finish.verdict(), now)
                    // overdue (and sent again by the sweep) only if the retry record is lost
                    : CheckStore.countingTransient(check.id(), check.attempts(), now.plus(policy.backoffAfter(made))
                            .plus(properties.callTimeout()).plus(properties.worker().stalledAfter()),
                            verdict.payerCode());
            if (!outcomes.record(update, check.id(), made, result.startedAt(), result.took(), verdict)) {
                return Outcome.SKIPPED;
            }
            if (after instanceof AfterAttempt.Finish finish) {
                outbox.add(Topics.LEADS_STATUS, check.leadId(),
                        StatusEvents.finished(check, finish.state(), finish.verdict(), made, now),
                        cause.correlationId(), cause.span());
                return Outcome.ENDED;
            }
            return Outcome.RETRY;
        });
        // the lead's one INFO line is intake's; per-lead lines here cost every lead a log write
        switch (outcome) {
            case ENDED -> log.debug("Check {} ended {} after {} attempt(s)", check.id(),
                    ((AfterAttempt.Finish) after).state(), made);
            case RETRY -> log.info("Check {} attempt {} was {}; it will be retried", check.id(), made,
                    verdict.kind());
            default -> log.info("Check {} attempt {} was already applied; this answer was dropped", check.id(),
                    made);
        }
        return outcome;
    }


    /**
     * Ends a check whose retries are spent as failed, saying how often and how long the payer was
     * asked; false when it had ended already. One transaction: it calls no payer.
     */
    public boolean giveUp(UUID checkId, Cause cause) {
        Integer endedAfter = db.inTransaction(() -> {
            Optional<EligibilityCheck> found = checks.find(checkId).filter(check -> !check.state().isFinal());
            if (found.isEmpty()) {
                return null;
            }
            EligibilityCheck check = found.get();
            List<AttemptStore.Attempt> made = attempts.forCheckNow(checkId);
            Instant now = clock.instant();
            AttemptStore.Attempt last = made.isEmpty() ? null : made.get(made.size() - 1);
            Verdict lastVerdict = last == null ? null : Verdict.transientFailure(last.payerCode(), last.detail());
            AfterAttempt.Finish end = AfterAttempt.gaveUp(lastVerdict, check.attempts(), check.createdAt(), now);
            if (!checks.finish(checkId, check.attempts(), check.attempts(), CheckState.FAILED, end.verdict(), now)) {
                return null;
            }
            outbox.add(Topics.LEADS_STATUS, check.leadId(),
                    StatusEvents.finished(check, CheckState.FAILED, end.verdict(), check.attempts(), now),
                    cause.correlationId(), cause.span());
            return check.attempts();
        });
        if (endedAfter == null) {
            return false;
        }
        log.info("Check {} failed after {} attempt(s): retries spent", checkId, endedAfter);
        return true;
    }
}
