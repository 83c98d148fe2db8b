package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The generator against a real HTTP server on a free port, standing in for intake's submit endpoint. */
class LoadGeneratorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HttpServer server;
  private final Set<String> idempotencyKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> remoteAddresses = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int refuseEvery = 0;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/leads", exchange -> {
      int n = requests.incrementAndGet();
      byte[] body = exchange.getRequestBody().readAllBytes();
      idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      remoteAddresses.add(exchange.getRemoteAddress().toString());
      boolean json = exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json");
      JSON.readTree(body); // a body that is not JSON fails the request below
      boolean refuse = !json || (refuseEvery > 0 && n % refuseEvery == 0);
      byte[] answer = (refuse ? "{\"title\":\"refused\"}"
          : "{\"leadId\":\"" + UUID.randomUUID() + "\",\"statusUrl\":\"/status.html#x\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(refuse ? 503 : 202, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private LoadGenerator generator() throws IOException {
    return new LoadGenerator("http://127.0.0.1:" + server.getAddress().getPort(), new LeadBodies("ab12cd34"),
        WallClock.anchoredNow(), new LoadGenerator.Throughput(), 2_000, "ab12cd34");
  }

  @Test
  void everyDueRequestIsSentOnceWithItsOwnKeyAndEveryAcceptedLeadIsCounted() throws Exception {
    try (LoadGenerator generator = generator()) {
      LoadGenerator.StepOutcome outcome = generator.run(new RateSchedule(200, Duration.ofSeconds(2)));

      assertThat(outcome.due()).isEqualTo(400);
      assertThat(outcome.shed()).isZero();
      assertThat(outcome.accepted()).as("failures %s", outcome.failures()).isEqualTo(400);
      assertThat(outcome.failed()).isZero();
      assertThat(requests.get()).isEqualTo(400);
      assertThat(idempotencyKeys).hasSize(400);
      Set<UUID> leads = new HashSet<>();
      outcome.leads().forEach(lead -> leads.add(lead.leadId()));
      assertThat(leads).hasSize(400);
      assertThat(outcome.submitMicros().getTotalCount()).isEqualTo(400);
      assertThat(outcome.generatorCpuMicrosPerRequest()).isPositive();
    }
  }

  @Test
  void connectionsAreKeptAliveAndReused() throws Exception {
    try (LoadGenerator generator = generator()) {
      LoadGenerator.StepOutcome outcome = generator.run(new RateSchedule(20, Duration.ofSeconds(2)));

      assertThat(outcome.accepted()).isEqualTo(40);
      assertThat(remoteAddresses.size()).isLessThan(40);
    }
  }

  @Test
  void anAnswerOtherThan202CountsAsAFailureByItsStatus() throws Exception {
    refuseEvery = 4;
    try (LoadGenerator generator = generator()) {
      LoadGenerator.StepOutcome outcome = generator.run(new RateSchedule(100, Duration.ofSeconds(1)));

      assertThat(outcome.failures()).isEqualTo(Map.of("HTTP 503", 25L));
      assertThat(outcome.accepted()).isEqualTo(75);
    }
  }
}
