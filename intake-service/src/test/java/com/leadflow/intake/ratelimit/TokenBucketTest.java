package com.leadflow.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aClientMayBurstUpToCapacityThenGetsOneRequestPerRefill() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(10), T);
        assertThat(bucket.tryTake(T)).isTrue();
        assertThat(bucket.tryTake(T)).isTrue();
        assertThat(bucket.tryTake(T)).isTrue();
        assertThat(bucket.tryTake(T)).isFalse();
        assertThat(bucket.untilNextToken()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bucket.tryTake(T.plusSeconds(5))).isFalse();
        assertThat(bucket.tryTake(T.plusSeconds(10))).isTrue();
        assertThat(bucket.tryTake(T.plusSeconds(10))).isFalse();
    }

    @Test
    void anIdleBucketRefillsOnlyToCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(1), T);
        bucket.tryTake(T);
        assertThat(bucket.isFull(T.plusSeconds(1))).isTrue();
        Instant later = T.plusSeconds(3600);
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isFalse();
    }
}
