package com.leadflow.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Submits leads to intake's {@code POST /api/leads} at a fixed rate, open loop: each request goes
 * out at its due time whatever happened to the ones before, and its latency is measured from that
 * due time to the 202. A request that would exceed the cap on requests in flight is not sent and
 * counts as shed: the system is past saturation by then, and the generator must not become the
 * bottleneck it measures.
 */
final class LoadGenerator implements AutoCloseable {

  private static final Pattern LEAD_ID = Pattern.compile("\"leadId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** A lead intake accepted: its id, and when its request was due (epoch microseconds). */
  record Accepted(UUID leadId, long dueEpochMicros) {}

  /** What one step of fixed rate came to. */
  record StepOutcome(int offeredPerSecond, long due, long accepted, long shed, Map<String, Long> failures,
      Histogram submitMicros, List<Accepted> leads, double maxLateMillis) {

    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Per-second counts for the run's timeline, keyed by seconds since the clock's anchor. */
  static final class Throughput {
    final Map<Long, LongAdder> accepted = new ConcurrentHashMap<>();
    final Map<Long, LongAdder> failed = new ConcurrentHashMap<>();

    void count(Map<Long, LongAdder> counts, long second) {
      counts.computeIfAbsent(second, s -> new LongAdder()).increment();
    }
  }

  private final URI submitUri;
  private final LeadBodies bodies;
  private final WallClock clock;
  private final Pacer pacer;
  private final Throughput throughput;
  private final int maxInFlight;
  private final ExecutorService callbacks = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "load-callbacks");
    thread.setDaemon(true);
    return thread;
  });
  private final HttpClient client;
  private final AtomicLong sequence = new AtomicLong();

  LoadGenerator(String intakeBaseUrl, LeadBodies bodies, WallClock clock, Throughput throughput, int maxInFlight) {
    this.submitUri = URI.create(intakeBaseUrl + "/api/leads");
    this.bodies = bodies;
    this.clock = clock;
    this.pacer = new Pacer(Pacer.SYSTEM);
    this.throughput = throughput;
    this.maxInFlight = maxInFlight;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(callbacks)
        .build();
  }

  /** Runs one step; returns once every request it sent has been answered or has timed out. */
  StepOutcome run(RateSchedule schedule) throws InterruptedException {
    Histogram submit = LatencySummary.microsHistogram();
    ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    AtomicInteger inFlight = new AtomicInteger();
    LongAdder shed = new LongAdder();
    Object done = new Object();
    long maxLate = 0;
    long count = schedule.count();
    long start = System.nanoTime() + 1_000_000;
    for (long i = 0; i < count; i++) {
      long due = start + schedule.dueOffsetNanos(i);
      maxLate = Math.max(maxLate, pacer.awaitDue(due));
      if (inFlight.get() >= maxInFlight) {
        shed.increment();
        throughput.count(throughput.failed, clock.secondOf(due));
        continue;
      }
      inFlight.incrementAndGet();
      long n = sequence.getAndIncrement();
      HttpRequest request = HttpRequest.newBuilder(submitUri)
          .timeout(REQUEST_TIMEOUT)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.ofString(bodies.body(n)))
          .build();
      client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
        long now = System.nanoTime();
        String failure = error != null ? error.getClass().getSimpleName()
            : response.statusCode() != 202 ? "HTTP " + response.statusCode() : null;
        Matcher id = failure == null ? LEAD_ID.matcher(response.body()) : null;
        if (id != null && !id.find()) {
          failure = "202 without a lead id";
        }
        if (failure == null) {
          synchronized (submit) {
            LatencySummary.record(submit, (now - due) / 1_000);
          }
          accepted.add(new Accepted(UUID.fromString(id.group(1)), clock.epochMicros(due)));
          throughput.count(throughput.accepted, clock.secondOf(now));
        } else {
          failures.computeIfAbsent(failure, f -> new LongAdder()).increment();
          throughput.count(throughput.failed, clock.secondOf(now));
        }
        if (inFlight.decrementAndGet() == 0) {
          synchronized (done) {
            done.notifyAll();
          }
        }
      });
    }
    long waitUntil = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(5).toNanos();
    synchronized (done) {
      while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
        done.wait(100);
      }
    }
    Map<String, Long> failed = new ConcurrentHashMap<>();
    failures.forEach((reason, n) -> failed.put(reason, n.sum()));
    return new StepOutcome(schedule.perSecond(), count, accepted.size(), shed.sum(), Map.copyOf(failed), submit,
        List.copyOf(accepted), maxLate / 1e6);
  }

  @Override
  public void close() {
    callbacks.shutdownNow();
    try {
      callbacks.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
