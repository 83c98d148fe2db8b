package com.leadflow.intake.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: a client may burst up to {@code capacity} requests, then gets one more per
 * refill interval. Not thread-safe on its own; {@link RateLimiter} serializes access per client.
 */
final class TokenBucket {

    private final int capacity;
    private final Duration refillEvery;
    private double tokens;
    private Instant updated;

    TokenBucket(int capacity, Duration refillEvery, Instant now) {
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.tokens = capacity;
        this.updated = now;
    }

    /** Takes a token if one is left; refills for the time passed since the last call first. */
    boolean tryTake(Instant now) {
        if (now.isAfter(updated)) {
            double refilled = (double) Duration.between(updated, now).toNanos() / refillEvery.toNanos();
            tokens = Math.min(capacity, tokens + refilled);
            updated = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket has refilled completely, so forgetting it changes nothing. */
    boolean isFull(Instant now) {
        return tokens + (double) Duration.between(updated, now).toNanos() / refillEvery.toNanos() >= capacity;
    }

    /** How long until the next token. */
    Duration untilNextToken() {
        double missing = Math.max(0, 1 - tokens);
        return Duration.ofNanos((long) Math.ceil(missing * refillEvery.toNanos()));
    }
}
