package com.leadflow.intake.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** One token bucket per client IP; buckets that refilled completely are forgotten. */
@Component
public class RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final RateLimitProperties properties;
    private final Clock clock;

    public RateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Empty when the client may go on; else how long it should wait. */
    public Optional<Duration> tryAcquire(String client) {
        Instant now = clock.instant();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
        }
        Duration[] wait = new Duration[1];
        buckets.compute(client, (key, bucket) -> {
            TokenBucket b = bucket != null ? bucket
                    : new TokenBucket(properties.capacity(), properties.refillEvery(), now);
            wait[0] = b.tryTake(now) ? null : b.untilNextToken();
            return b;
        });
        return Optional.ofNullable(wait[0]);
    }
}
