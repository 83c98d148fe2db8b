package com.leadflow.insurance.eligibility;

import java.time.Duration;

/**
 * How a check is retried after an answer that may change: exponential backoff from
 * {@code initialBackoff}, growing by {@code multiplier} up to {@code maxBackoff}, for as long as
 * {@code window} lasts from the first attempt. After that the check fails, so a lead never waits
 * without end.
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, Duration window) {

    /** Never more attempts than this, however long the window. */
    static final int MOST_ATTEMPTS = 100;

    public RetryPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || multiplier < 1.0
                || maxBackoff.compareTo(initialBackoff) < 0 || window.isNegative()) {
            throw new IllegalArgumentException("retry policy needs 0 < initialBackoff <= maxBackoff, multiplier >= 1, window >= 0");
        }
    }

    /** The wait after the given number of attempts (1 after the first). */
    public Duration backoffAfter(int attemptsMade) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** Attempts in all, the first included, whose backoffs fit in the window. */
    public int maxAttempts() {
        int attempts = 1;
        Duration waited = Duration.ZERO;
        while (attempts < MOST_ATTEMPTS) {
            Duration next = waited.plus(backoffAfter(attempts));
            if (next.compareTo(window) > 0) {
                break;
            }
            waited = next;
            attempts++;
        }
        return attempts;
    }
}
