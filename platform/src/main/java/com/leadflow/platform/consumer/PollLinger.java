package com.leadflow.platform.consumer;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * How long a listener waits after applying a poll before it asks for the next, so that the records
 * arriving meanwhile come as one poll: one fetch, one transaction and one claim for them all instead of
 * one each. Only after a poll of at least {@code fromRecords}: a poll of one record means records come
 * one at a time, and waiting would only delay the next (at low rates nothing is added to any lead's
 * time). Off unless {@code leadflow.consumer.linger} is set; what it buys and costs is measured by the
 * benchmark, not assumed.
 *
 * @param pause how long to wait; zero: never
 * @param fromRecords the smallest poll after which it waits
 * @param park how the listener's thread waits (nanoseconds); a test's own records each wait
 */
public record PollLinger(Duration pause, int fromRecords, LongConsumer park) {

    public PollLinger {
        pause = pause == null || pause.isNegative() ? Duration.ZERO : pause;
        fromRecords = Math.max(1, fromRecords);
    }

    public PollLinger(Duration pause, int fromRecords) {
        this(pause, fromRecords, LockSupport::parkNanos);
    }

    public static PollLinger off() {
        return new PollLinger(Duration.ZERO, 1);
    }

    /** After a poll of {@code records} was applied: waits when the poll was large enough. */
    void after(int records) {
        if (!pause.isZero() && records >= fromRecords) {
            park.accept(pause.toNanos());
        }
    }
}
