package com.leadflow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

/**
 * Submits leads to intake's {@code POST /api/leads} at a fixed rate, open loop: each request goes
 * out at its due time whatever happened to the ones before, and its latency is measured from that
 * due time to the 202. A request that would exceed the cap on requests in flight is not sent and
 * counts as shed: the system is past saturation by then, and the generator must not become the
 * bottleneck it measures.
 *
 * <p>It must not eat the machine it measures either: the calling thread only paces and hands each
 * request over; {@link LeadClient} writes it from pre-built bytes on keep-alive connections, on one
 * thread of its own. Both threads' CPU time is counted, so each step reports what a request cost
 * the generator.
 */
final class LoadGenerator implements AutoCloseable {

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

  /** One step's tallies, written from the client's thread and read once the step is over. */
  private static final class Tally {
    final Histogram submit = LatencySummary.microsHistogram();
    final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder shed = new LongAdder();
  }

  private final WallClock clock;
  private final Pacer pacer;
  private final Throughput throughput;
  private final int maxInFlight;
  private final LeadClient client;
  private final AtomicLong sequence = new AtomicLong();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  LoadGenerator(String intakeBaseUrl, LeadBodies bodies, WallClock clock, Throughput throughput, int maxInFlight,
      String runTag) throws IOException {
    this.clock = clock;
    this.pacer = new Pacer(Pacer.SYSTEM);
    this.throughput = throughput;
    this.maxInFlight = maxInFlight;
    this.client = new LeadClient(intakeBaseUrl, bodies, "bench-" + runTag + "-", REQUEST_TIMEOUT);
  }

  /** Runs one step; returns once every request it sent has been answered or has timed out. */
  StepOutcome run(RateSchedule schedule) throws InterruptedException {
    Tally tally = new Tally();
    Object done = new Object();
    StepAnswers answers = new StepAnswers(tally, done);
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
      client.submit(new LeadClient.Request(sequence.getAndIncrement(), due, answers));
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

  /** One step's answers, told on the client's thread. */
  private final class StepAnswers implements LeadClient.Answers {
    final Tally tally;
    final Object done;

    StepAnswers(Tally tally, Object done) {
      this.tally = tally;
      this.done = done;
    }

    @Override
    public void accepted(LeadClient.Request request, UUID leadId, long nowNanos) {
      // only the client's thread records; the step reads the histogram after the last answer
      LatencySummary.record(tally.submit, (nowNanos - request.dueNanos()) / 1_000);
      tally.accepted.add(new Accepted(leadId, clock.epochMicros(request.dueNanos())));
      throughput.count(throughput.accepted, clock.secondOf(nowNanos));
      answered();
    }

    @Override
    public void failed(LeadClient.Request request, String kind, long nowNanos) {
      tally.failures.computeIfAbsent(kind, f -> new LongAdder()).increment();
      throughput.count(throughput.failed, clock.secondOf(nowNanos));
      answered();
    }

    private void answered() {
      if (tally.inFlight.decrementAndGet() == 0) {
        synchronized (done) {
          done.notifyAll();
        }
      }
    }
  }

  /** CPU time of the thread calling {@link #run} (it paces) and of the client's thread. */
  private long ownCpuNanos() {
    return threads.getCurrentThreadCpuTime() + client.cpuNanos();
  }

  @Override
  public void close() throws InterruptedException {
    client.close();
  }
}
