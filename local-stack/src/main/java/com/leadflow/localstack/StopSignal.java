package com.leadflow.localstack;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Raised once when the stack is told to stop; every wait in the launcher wakes up on it. */
final class StopSignal {

  private final CompletableFuture<Void> raised = new CompletableFuture<>();

  void raise() {
    raised.complete(null);
  }

  boolean isRaised() {
    return raised.isDone();
  }

  CompletableFuture<Void> future() {
    return raised;
  }

  /** Pauses between polls, but returns at once when the stack is stopping. @return true if raised */
  boolean await(Duration pause) {
    try {
      raised.get(pause.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } catch (ExecutionException e) {
      return true;
    }
  }
}
