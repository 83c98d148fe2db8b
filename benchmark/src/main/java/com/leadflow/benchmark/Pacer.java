package com.leadflow.benchmark;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a request's due time. Behind schedule it does not wait at all, and it never skips or
 * re-bases: a late request goes out at once and its latency still counts from when it was due.
 */
final class Pacer {

  /** Time as the pacer sees it; the real one is {@link #SYSTEM}, tests drive a fake. */
  interface Ticker {
    long nanoTime();

    void parkNanos(long nanos);
  }

  static final Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void parkNanos(long nanos) {
      LockSupport.parkNanos(nanos);
    }
  };

  // parking is coarse (tens of microseconds); the last stretch spins, so sends are not bunched
  private static final long SPIN_BELOW_NANOS = 50_000;

  private final Ticker ticker;

  Pacer(Ticker ticker) {
    this.ticker = ticker;
  }

  /** Returns once {@code dueNanos} (a {@link Ticker#nanoTime()} value) has come; returns how late that is. */
  long awaitDue(long dueNanos) {
    long now = ticker.nanoTime();
    while (now < dueNanos) {
      long remaining = dueNanos - now;
      if (remaining > SPIN_BELOW_NANOS) {
        ticker.parkNanos(remaining - SPIN_BELOW_NANOS);
      } else {
        Thread.onSpinWait();
      }
      now = ticker.nanoTime();
    }
    return now - dueNanos;
  }
}
