package com.leadflow.insurance.eligibility;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to ask a payer again after an answer that may change: exponential backoff from
 * {@code initialBackoff}, growing by {@code multiplier} up to {@code maxBackoff}, for as long as the
 * next attempt still falls inside {@code window} from the check's start. After that the check
 * fails, so a lead never waits without end.
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, Duration window) {

    public RetryPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || multiplier < 1.0
                || maxBackoff.compareTo(initialBackoff) < 0 || window.isNegative()) {
            throw new IllegalArgumentException("retry policy needs 0 < initialBackoff <= maxBackoff, multiplier >= 1, window >= 0");
        }
    }

    /**
     * @param attemptsMade attempts so far, the failed one included (1 after the first)
     * @param startedAt when the check started
     * @param now the time of the failed attempt's answer
     * @return when to try again, or empty when the window is spent
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant startedAt, Instant now) {
        Instant next = now.plus(backoffAfter(attemptsMade));
        return next.isAfter(startedAt.plus(window)) ? Optional.empty() : Optional.of(next);
    }

    Duration backoffAfter(int attemptsMade) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
