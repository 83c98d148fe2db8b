package com.leadflow.benchmark;

import java.time.Instant;

/**
 * Turns {@link System#nanoTime()} readings into wall-clock microseconds, anchored once, so a
 * request's due time can be compared with the times intake writes into its database (same machine,
 * same clock).
 */
final class WallClock {

  private final long anchorNanos;
  private final long anchorEpochMicros;

  private WallClock(long anchorNanos, Instant anchor) {
    this.anchorNanos = anchorNanos;
    this.anchorEpochMicros = anchor.getEpochSecond() * 1_000_000L + anchor.getNano() / 1_000;
  }

  static WallClock anchoredNow() {
    return new WallClock(System.nanoTime(), Instant.now());
  }

  long epochMicros(long nanoTime) {
    return anchorEpochMicros + Math.floorDiv(nanoTime - anchorNanos, 1_000L);
  }

  /** Whole seconds since the anchor, for timelines. */
  long secondOf(long nanoTime) {
    return Math.floorDiv(nanoTime - anchorNanos, 1_000_000_000L);
  }

  long anchorNanos() {
    return anchorNanos;
  }
}
