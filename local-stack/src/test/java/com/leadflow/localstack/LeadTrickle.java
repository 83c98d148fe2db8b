package com.leadflow.localstack;

import com.leadflow.localstack.FunnelApi.Submitted;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Visitors who keep submitting the form in the background, a steady few per second, while the
 * test breaks things. Each visitor uploads a scan and submits; without a 202 it tries again with
 * the same Idempotency-Key, as a form that retries does, until intake acknowledges the lead.
 * Only acknowledged leads count: those are the ones the system promised to work.
 */
final class LeadTrickle implements AutoCloseable {

  /** A visitor gives up after this long without an answer; the test then reports how many did. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final int MAX_VISITORS = 8;

  private final FunnelApi api;
  private final Supplier<FormLead> form;
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("trickle"));
  private final ExecutorService visitors = Executors.newFixedThreadPool(MAX_VISITORS, daemon("visitor"));
  private final Semaphore seats = new Semaphore(MAX_VISITORS);
  private final List<Submitted> acknowledged = new CopyOnWriteArrayList<>();
  private final AtomicInteger retried = new AtomicInteger();
  private final AtomicInteger abandoned = new AtomicInteger();
  private final AtomicReference<String> lastRefusal = new AtomicReference<>();

  private LeadTrickle(FunnelApi api, Supplier<FormLead> form) {
    this.api = api;
    this.form = form;
  }

  /** @param form a new visitor's form, without imaging (each visitor uploads a scan of their own) */
  static LeadTrickle start(FunnelApi api, Duration every, Supplier<FormLead> form) {
    LeadTrickle trickle = new LeadTrickle(api, form);
    trickle.clock.scheduleAtFixedRate(trickle::nextVisitor, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return trickle;
  }

  private void nextVisitor() {
    // while intake is slow or away, visitors queue up to a limit; past it the trickle thins out
    if (seats.tryAcquire()) {
      visitors.execute(() -> {
        try {
          visit();
        } finally {
          seats.release();
        }
      });
    }
  }

  private void visit() {
    String idempotencyKey = UUID.randomUUID().toString();
    AtomicReference<FormLead> filledIn = new AtomicReference<>();
    AtomicInteger attempts = new AtomicInteger();
    try {
      Awaitility.await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
        attempts.incrementAndGet();
        try {
          if (filledIn.get() == null) {
            filledIn.set(form.get().imaging(api.uploadImagingWithForm()));
          }
          acknowledged.add(api.submit(filledIn.get(), idempotencyKey));
          return true;
        } catch (AssertionError refused) {
          lastRefusal.set(refused.getMessage());
          return false;
        }
      });
      if (attempts.get() > 1) {
        retried.incrementAndGet();
      }
    } catch (ConditionTimeoutException e) {
      abandoned.incrementAndGet();
    }
  }

  int acknowledgedSoFar() {
    return acknowledged.size();
  }

  /** How many visitors so far got their lead acknowledged only after trying again. */
  int retriedSoFar() {
    return retried.get();
  }

  /** The first lead acknowledged after {@code count} were: one that came in after that moment. */
  Submitted firstAcknowledgedAfter(int count) {
    Awaitility.await().atMost(PATIENCE).until(() -> acknowledged.size() > count);
    return acknowledged.get(count);
  }

  /** Stops sending visitors, lets those under way finish, and returns every acknowledged lead. */
  List<Submitted> stop() {
    clock.shutdownNow();
    visitors.shutdown();
    try {
      if (!visitors.awaitTermination(PATIENCE.toSeconds() + 10, TimeUnit.SECONDS)) {
        throw new AssertionError("visitors still submitting after " + PATIENCE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return List.copyOf(acknowledged);
  }

  /** How it went, for the test's output: acknowledged, retried, given up, and the last refusal. */
  String describe() {
    return acknowledged.size() + " leads acknowledged, " + retried.get() + " of them after retrying, "
        + abandoned.get() + " given up" + (lastRefusal.get() == null ? "" : "; last refusal: " + lastRefusal.get());
  }

  @Override
  public void close() {
    clock.shutdownNow();
    visitors.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
