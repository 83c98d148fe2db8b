package com.leadflow.review.task;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at the precision the database keeps, so a stored instant compares equal to the one read back. */
public final class ReviewTime {

    private ReviewTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
