package com.leadflow.localstack;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for children to become ready, while watching that none of them has died. */
final class Waits {

  private Waits() {}

  /**
   * One startup phase: a deadline, the stop signal, and every child started so far. A broker
   * that dies while the services start must end the wait at once, not at the services' timeout.
   */
  record Watch(Supplier<List<ChildProcess>> started, StopSignal stop, long deadlineNanos, Duration timeout) {

    static Watch of(Supplier<List<ChildProcess>> started, StopSignal stop, Duration timeout) {
      return new Watch(started, stop, System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Fails if a child exits (naming it and its log), when time is up, or once the stack stops. */
    void check() throws StartupFailure {
      if (stop.isRaised()) {
        throw StartupFailure.stopping();
      }
      for (ChildProcess child : started.get()) {
        if (!child.isAlive()) {
          throw StartupFailure.exited(child);
        }
      }
    }

    boolean expired() {
      return System.nanoTime() > deadlineNanos;
    }

    /** Polls {@code ready} for {@code subject} until it holds. */
    void until(ChildProcess subject, BooleanSupplier ready, String waitingFor, Duration pause)
        throws StartupFailure {
      while (true) {
        check();
        if (ready.getAsBoolean()) {
          return;
        }
        if (expired()) {
          throw StartupFailure.timedOut(subject, timeout, waitingFor);
        }
        stop.await(pause);
      }
    }
  }
}
