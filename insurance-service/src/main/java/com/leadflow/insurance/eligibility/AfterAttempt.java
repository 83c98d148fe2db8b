package com.leadflow.insurance.eligibility;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens to a check after one call to the payer: a final verdict ends it; a transient one
 * schedules the next attempt while the retry window lasts, and ends the check as failed once it is
 * spent, saying how long and how often the payer was asked.
 */
public sealed interface AfterAttempt {

    record Finish(CheckState state, Verdict verdict) implements AfterAttempt {
    }

    record RetryAt(Instant at, Verdict verdict) implements AfterAttempt {
    }

    static AfterAttempt decide(Verdict verdict, int attemptsMade, Instant startedAt, Instant now, RetryPolicy policy) {
        if (verdict.isFinal()) {
            return new Finish(CheckState.of(verdict.kind()), verdict);
        }
        Optional<Instant> next = policy.nextAttempt(attemptsMade, startedAt, now);
        if (next.isPresent()) {
            return new RetryAt(next.get(), verdict);
        }
        long minutes = Duration.between(startedAt, now).toMinutes();
        String span = minutes < 1 ? "under a minute" : minutes + " minute" + (minutes == 1 ? "" : "s");
        String reason = "The insurance company could not be reached after " + attemptsMade + " attempt"
                + (attemptsMade == 1 ? "" : "s") + " over " + span + " (last: " + verdict.reason()
                + "). A care manager will verify the coverage by phone.";
        return new Finish(CheckState.FAILED,
                new Verdict(Verdict.Kind.FAILED, null, verdict.coverages(), verdict.payerCode(), reason, false));
    }
}
