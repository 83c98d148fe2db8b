package com.leadflow.benchmark;

import java.time.Duration;

/**
 * When each request of an open-loop step is due: evenly spaced at a fixed rate, every due time
 * computed from the step's start and never from when the previous request went out. A slow
 * answer therefore cannot push later requests back (the coordinated omission a closed loop has).
 *
 * @param perSecond the offered rate, leads per second
 */
record RateSchedule(int perSecond, Duration length) {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  RateSchedule {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("the rate must be positive, not " + perSecond);
    }
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a step needs a positive length, not " + length);
    }
  }

  /** How many requests the step sends: the rate times its length, rounded down to whole requests. */
  long count() {
    return perSecond * length.toNanos() / NANOS_PER_SECOND;
  }

  /** The i-th request's due time (from 0) in nanoseconds after the start; exact, so no drift adds up. */
  long dueOffsetNanos(long i) {
    return i * NANOS_PER_SECOND / perSecond;
  }
}
