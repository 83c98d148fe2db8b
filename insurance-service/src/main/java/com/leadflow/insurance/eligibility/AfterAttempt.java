package com.leadflow.insurance.eligibility;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a check after one call to the payer: a final verdict ends it; a transient one is
 * asked again later, and when the retry window is spent the check ends as failed, saying how long
 * and how often the payer was asked.
 */
public sealed interface AfterAttempt {

    record Finish(CheckState state, Verdict verdict) implements AfterAttempt {
    }

    record Retry(Verdict verdict) implements AfterAttempt {
    }

    static AfterAttempt of(Verdict verdict) {
        return verdict.isFinal() ? new Finish(CheckState.of(verdict.kind()), verdict) : new Retry(verdict);
    }

    /**
     * The end of a check whose retries are spent.
     *
     * @param last the last transient verdict, or null when no attempt was recorded
     */
    static Finish gaveUp(Verdict last, int attemptsMade, Instant startedAt, Instant now) {
        long minutes = Duration.between(startedAt, now).toMinutes();
        String span = minutes < 1 ? "under a minute" : minutes + " minute" + (minutes == 1 ? "" : "s");
        String reason = "The insurance company could not be reached after " + attemptsMade + " attempt"
                + (attemptsMade == 1 ? "" : "s") + " over " + span
                + (last == null || last.reason() == null ? "" : " (last: " + last.reason() + ")")
                + ". A care manager will verify the coverage by phone.";
        return new Finish(CheckState.FAILED, new Verdict(Verdict.Kind.FAILED, null,
                last == null ? null : last.coverages(), last == null ? null : last.payerCode(), reason, false));
    }
}
