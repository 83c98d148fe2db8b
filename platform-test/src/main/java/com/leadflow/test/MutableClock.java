package com.leadflow.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets and moves by hand, so a rule about time (a lease expiring, a deadline
 * passing, quiet hours ending) is tested without waiting for it. Safe to move from the test while
 * the service reads it on other threads.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    /** Starts at the real time. */
    public MutableClock() {
        this(Instant.now());
    }

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant to) {
        now.set(to);
    }

    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    /** Back to the real time, for tests that do not care. */
    public void reset() {
        now.set(Instant.now());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
