package com.leadflow.benchmark;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * What the load generator costs per request, by thread, against a trivial HTTP server on this
 * machine: run by hand (its name keeps it out of the build), `-Dtest=GeneratorCostMeasurement`,
 * and read the test's output. It measures; it asserts nothing.
 *
 * <p>2026-12-01, Reactor Netty's client, quiet machine, after 30 s at 10/s: 1.9 ms of CPU per request
 * at 10/s, 1.7 at 20/s, 1.1 at 100/s, 0.43 at 300/s.
 *
 * <p>2026-12-02, {@link LeadClient} (own HTTP/1.1 client on one NIO thread), after 150 s at 20/s as the
 * benchmark warms up, the machine shared with other builds (load 3 to 10 on its 2 cores). With every
 * request handed to the client's thread, two runs: 248 and 246 µs per request at 10/s, 225 and 247
 * at 20/s, 216 and 227 at 30/s, 126 and 154 at 100/s, 86 and 114 at 300/s; of the 246 at 10/s the
 * client's thread took 178 and the pacing thread 95, most of it system calls (wake the client,
 * write, wait, read; the pacer's park), which on this VM cost tens of µs each. Neither a shorter
 * pacer spin (20 µs instead of 50) nor a client waking once a second instead of ten times changed
 * that. With the pacing thread writing on an idle connection itself (no hand-over, no wake-up):
 * 193 µs at 10/s (pacing 137, client 85), 211 at 20/s, 180 at 30/s, 133 at 100/s, 98 at 300/s;
 * nothing failed. The JDK server answering took about as much as the generator, for comparison.
 */
class GeneratorCostMeasurement {

  @Test
  void printsTheGeneratorsCpuPerRequestByRateAndThread() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/leads", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] answer = ("{\"leadId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(202, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    try (LoadGenerator generator = new LoadGenerator("http://127.0.0.1:" + server.getAddress().getPort(),
        new LeadBodies("ab12cd34"), WallClock.anchoredNow(), new LoadGenerator.Throughput(), 2_000, "ab12cd34")) {
      // as the benchmark does before its first step
      generator.run(new RateSchedule(20, Duration.ofSeconds(150)));
      for (int rate : new int[] {10, 20, 30, 100, 300}) {
        Map<String, Long> before = cpuByThread();
        long gcBefore = gcMillis();
        LoadGenerator.StepOutcome outcome = generator.run(new RateSchedule(rate, Duration.ofSeconds(20)));
        Map<String, Long> after = cpuByThread();
        System.out.printf("%d/s: %d accepted, %s failed, %.1f µs of the generator's CPU per request; "
                + "late by at most %.2f ms; %d ms in GC (whole JVM, server included)%n", rate, outcome.accepted(),
            outcome.failures(), outcome.generatorCpuMicrosPerRequest(), outcome.maxLateMillis(),
            gcMillis() - gcBefore);
        after.forEach((thread, nanos) -> {
          long spent = nanos - before.getOrDefault(thread, 0L);
          if (spent > 2_000_000) {
            System.out.printf("  %s: %.1f ms%n", thread, spent / 1e6);
          }
        });
      }
    } finally {
      server.stop(0);
    }
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static Map<String, Long> cpuByThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      cpu.merge(thread.getName(), Math.max(0, threads.getThreadCpuTime(thread.getId())), Long::sum);
    }
    return cpu;
  }
}
