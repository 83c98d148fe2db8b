package com.leadflow.benchmark;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Submits leads to intake's {@code POST /api/leads} at a fixed rate, open loop: each request goes
 * out at its due time whatever happened to the ones before, and its latency is measured from that
 * due time to the 202. A request that would exceed the cap on requests in flight is not sent and
 * counts as shed: the system is past saturation by then, and the generator must not become the
 * bottleneck it measures.
 *
 * <p>It must not eat the machine it measures either: requests go out on one event loop over
 * pooled keep-alive connections, and bodies are written from pre-encoded parts (see
 * {@link LeadBodies}). Its own threads' CPU time is counted, so each step reports what a request
 * cost the generator.
 */
final class LoadGenerator implements AutoCloseable {

  private static final String LOOP_PREFIX = "bench-http";
  private static final byte[] LEAD_ID = "\"leadId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final int UUID_LENGTH = 36;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** A lead intake accepted: its id, and when its request was due (epoch microseconds). */
  record Accepted(UUID leadId, long dueEpochMicros) {}

  /**
   * What one step of fixed rate came to.
   *
   * @param generatorCpuNanos CPU time of the generator's own threads (pacing and HTTP) during the step
   */
  record StepOutcome(int offeredPerSecond, long due, long accepted, long shed, Map<String, Long> failures,
      Histogram submitMicros, List<Accepted> leads, double maxLateMillis, long generatorCpuNanos) {

    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Microseconds of the generator's CPU per request it sent, or NaN when it sent none. */
    double generatorCpuMicrosPerRequest() {
      long sent = due - shed;
      return sent <= 0 ? Double.NaN : generatorCpuNanos / 1e3 / sent;
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

  /** One step's tallies, written from the event loop and read once the step is over. */
  private static final class Tally {
    final Histogram submit = LatencySummary.microsHistogram();
    final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder shed = new LongAdder();
  }

  private final LeadBodies bodies;
  private final WallClock clock;
  private final Pacer pacer;
  private final Throughput throughput;
  private final int maxInFlight;
  private final String idempotencyPrefix;
  private final LoopResources loops;
  private final ConnectionProvider connections;
  private final HttpClient client;
  private final AtomicLong sequence = new AtomicLong();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  LoadGenerator(String intakeBaseUrl, LeadBodies bodies, WallClock clock, Throughput throughput, int maxInFlight,
      String runTag) {
    this.bodies = bodies;
    this.clock = clock;
    this.pacer = new Pacer(Pacer.SYSTEM);
    this.throughput = throughput;
    this.maxInFlight = maxInFlight;
    this.idempotencyPrefix = "bench-" + runTag + "-";
    this.loops = LoopResources.create(LOOP_PREFIX, 1, true);
    this.connections = ConnectionProvider.builder("bench-intake")
        .maxConnections(maxInFlight)
        .pendingAcquireMaxCount(-1)
        .maxIdleTime(Duration.ofSeconds(20))
        .build();
    this.client = HttpClient.create(connections)
        .runOn(loops)
        .baseUrl(intakeBaseUrl)
        .keepAlive(true)
        .responseTimeout(REQUEST_TIMEOUT)
        .headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
  }

  /** Runs one step; returns once every request it sent has been answered or has timed out. */
  StepOutcome run(RateSchedule schedule) throws InterruptedException {
    Tally tally = new Tally();
    Object done = new Object();
    long cpuBefore = ownCpuNanos();
    long maxLate = 0;
    long count = schedule.count();
    long start = System.nanoTime() + 1_000_000;
    for (long i = 0; i < count; i++) {
      long due = start + schedule.dueOffsetNanos(i);
      maxLate = Math.max(maxLate, pacer.awaitDue(due));
      if (tally.inFlight.get() >= maxInFlight) {
        tally.shed.increment();
        throughput.count(throughput.failed, clock.secondOf(due));
        continue;
      }
      tally.inFlight.incrementAndGet();
      send(sequence.getAndIncrement(), due, tally, done);
    }
    long waitUntil = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(5).toNanos();
    synchronized (done) {
      while (tally.inFlight.get() > 0 && System.nanoTime() < waitUntil) {
        done.wait(100);
      }
    }
    long cpu = ownCpuNanos() - cpuBefore;
    Map<String, Long> failed = new ConcurrentHashMap<>();
    tally.failures.forEach((reason, n) -> failed.put(reason, n.sum()));
    return new StepOutcome(schedule.perSecond(), count, tally.accepted.size(), tally.shed.sum(), Map.copyOf(failed),
        tally.submit, List.copyOf(tally.accepted), maxLate / 1e6, cpu);
  }

  private void send(long n, long due, Tally tally, Object done) {
    String idempotencyKey = idempotencyPrefix + n;
    client.headers(headers -> headers.set("Idempotency-Key", idempotencyKey))
        .post()
        .uri("/api/leads")
        .send((request, outbound) -> outbound.send(Mono.fromCallable(() -> {
          ByteBuf body = outbound.alloc().buffer(1536);
          bodies.writeTo(n, body);
          return body;
        })))
        .responseSingle((response, content) -> content.defaultIfEmpty(Unpooled.EMPTY_BUFFER)
            .map(body -> answer(response.status().code(), body)))
        .onErrorResume(error -> Mono.just(new Answer(error.getClass().getSimpleName(), null)))
        .subscribe(answer -> {
          long now = System.nanoTime();
          if (answer.failure() == null) {
            synchronized (tally.submit) {
              LatencySummary.record(tally.submit, (now - due) / 1_000);
            }
            tally.accepted.add(new Accepted(answer.leadId(), clock.epochMicros(due)));
            throughput.count(throughput.accepted, clock.secondOf(now));
          } else {
            tally.failures.computeIfAbsent(answer.failure(), f -> new LongAdder()).increment();
            throughput.count(throughput.failed, clock.secondOf(now));
          }
          if (tally.inFlight.decrementAndGet() == 0) {
            synchronized (done) {
              done.notifyAll();
            }
          }
        });
  }

  /** A 202 with a lead id, or why not. */
  private record Answer(String failure, UUID leadId) {}

  private static Answer answer(int status, ByteBuf body) {
    if (status != 202) {
      return new Answer("HTTP " + status, null);
    }
    int at = indexOf(body, LEAD_ID);
    if (at < 0 || body.writerIndex() < at + LEAD_ID.length + UUID_LENGTH) {
      return new Answer("202 without a lead id", null);
    }
    try {
      return new Answer(null, UUID.fromString(
          body.toString(at + LEAD_ID.length, UUID_LENGTH, StandardCharsets.US_ASCII)));
    } catch (IllegalArgumentException notAUuid) {
      return new Answer("202 without a lead id", null);
    }
  }

  static int indexOf(ByteBuf haystack, byte[] needle) {
    int last = haystack.writerIndex() - needle.length;
    outer:
    for (int i = haystack.readerIndex(); i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack.getByte(i + j) != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** CPU time of the thread calling {@link #run} (it paces) and of the HTTP event loop. */
  private long ownCpuNanos() {
    long total = threads.getCurrentThreadCpuTime();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(LOOP_PREFIX)) {
        total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return total;
  }

  @Override
  public void close() {
    connections.disposeLater().block(Duration.ofSeconds(5));
    loops.disposeLater().block(Duration.ofSeconds(5));
  }
}
