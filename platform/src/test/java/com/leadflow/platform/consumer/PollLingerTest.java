package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollLingerTest {

    private final List<Long> waits = new ArrayList<>();

    @Test
    void aListenerWaitsOnlyAfterAPollOfSeveralRecords() {
        PollLinger linger = new PollLinger(Duration.ofMillis(10), 2, waits::add);

        linger.after(1);
        linger.after(0);
        assertThat(waits).as("records coming one at a time are not held back").isEmpty();

        linger.after(2);
        linger.after(40);
        assertThat(waits).containsExactly(10_000_000L, 10_000_000L);
    }

    @Test
    void offNeverWaits() {
        PollLinger linger = new PollLinger(Duration.ZERO, 2, waits::add);
        linger.after(500);
        new PollLinger(Duration.ofMillis(-5), 1, waits::add).after(500);

        assertThat(waits).isEmpty();
        assertThat(PollLinger.off().pause()).isZero();
    }
}
