package com.leadflow.review.queue;

import java.time.Duration;

/**
 * How soon a review of one priority must be done once it is queued: either a plain time
 * (urgent: one hour, around the clock) or a number of business days (routine: two).
 *
 * @param time a plain time, or null
 * @param businessDays business days, or null
 */
public record ServiceTarget(Duration time, Integer businessDays) {

    public ServiceTarget {
        if ((time == null) == (businessDays == null)) {
            throw new IllegalArgumentException("a service target needs exactly one of time and business-days");
        }
        if (time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("a service target time must be positive");
        }
        if (businessDays != null && businessDays < 1) {
            throw new IllegalArgumentException("a service target needs at least one business day");
        }
    }

    public static ServiceTarget within(Duration time) {
        return new ServiceTarget(time, null);
    }

    public static ServiceTarget businessDays(int days) {
        return new ServiceTarget(null, days);
    }
}
