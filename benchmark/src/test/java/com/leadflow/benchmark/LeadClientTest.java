package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a plain socket server that answers each request as the test scripts it,
 * including the ways a server can misbehave that a general HTTP server would never show.
 */
class LeadClientTest {

  private static final String LEAD = "0b5e7c1a-93d2-4f6e-8a1b-2c3d4e5f6a7b";
  /** Ends a scripted answer after which the server closes the connection. */
  private static final String CLOSE = "#close";
  private static final String ACCEPTED = answer("202 Accepted", "", "{\"leadId\":\"" + LEAD + "\"}");

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger connections = new AtomicInteger();
  private final Map<String, String> bodiesByKey = new ConcurrentHashMap<>();
  private final Map<Long, String> outcomes = new ConcurrentHashMap<>();
  private final AtomicInteger endedTwice = new AtomicInteger();
  private ServerSocket server;
  private LeadClient client;

  private final LeadClient.Answers answers = new LeadClient.Answers() {
    @Override
    public void accepted(LeadClient.Request request, UUID leadId, long nowNanos) {
      record(request, "accepted " + leadId);
    }

    @Override
    public void failed(LeadClient.Request request, String kind, long nowNanos) {
      record(request, kind);
    }

    private void record(LeadClient.Request request, String outcome) {
      if (outcomes.putIfAbsent(request.n(), outcome) != null) {
        endedTwice.incrementAndGet();
      }
    }
  };

  /** Serves on a free port; {@code script} gives the raw answer to the i-th request (null: say nothing). */
  private void serve(IntFunction<String> script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    AtomicInteger requests = new AtomicInteger();
    threads.submit(() -> {
      while (!server.isClosed()) {
        Socket socket = server.accept();
        connections.incrementAndGet();
        threads.submit(() -> converse(socket, script, requests));
      }
      return null;
    });
    client = new LeadClient("http://127.0.0.1:" + server.getLocalPort(), new LeadBodies("ab12cd34"),
        "bench-ab12cd34-", Duration.ofSeconds(1));
  }

  private Void converse(Socket socket, IntFunction<String> script, AtomicInteger requests) throws IOException {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return null;
        }
        int length = Integer.parseInt(header(head, "Content-Length"));
        bodiesByKey.put(header(head, "Idempotency-Key"), new String(in.readNBytes(length), StandardCharsets.UTF_8));
        String answer = script.apply(requests.getAndIncrement());
        if (answer == null) {
          continue;
        }
        boolean close = answer.endsWith(CLOSE);
        String wire = close ? answer.substring(0, answer.length() - CLOSE.length()) : answer;
        out.write(wire.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (close) {
          return null;
        }
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    throw new AssertionError("no " + name + " in " + head);
  }

  private static String answer(String status, String headers, String body) {
    return "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + body.length() + "\r\n\r\n" + body;
  }

  private void send(long n) {
    client.submit(new LeadClient.Request(n, System.nanoTime(), answers));
  }

  /** Sends requests 0 to count-1 one after another, each once the one before has ended. */
  private void sendInTurn(int count) {
    for (int n = 0; n < count; n++) {
      send(n);
      long sent = n;
      await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.containsKey(sent));
    }
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(endedTwice.get()).as("requests that ended twice").isZero();
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    threads.shutdownNow();
  }

  @Test
  void requestsInTurnShareOneKeptAliveConnectionAndEachCarriesItsOwnKeyAndBody() throws IOException {
    serve(i -> ACCEPTED);

    sendInTurn(5);

    assertThat(outcomes).hasSize(5).allSatisfy((n, outcome) -> assertThat(outcome).isEqualTo("accepted " + LEAD));
    assertThat(connections.get()).isEqualTo(1);
    assertThat(bodiesByKey).containsOnlyKeys("bench-ab12cd34-0", "bench-ab12cd34-1", "bench-ab12cd34-2",
        "bench-ab12cd34-3", "bench-ab12cd34-4");
    LeadBodies bodies = new LeadBodies("ab12cd34");
    assertThat(bodiesByKey.get("bench-ab12cd34-3")).isEqualTo(bodies.body(3));
  }

  @Test
  void anAnswerOtherThan202CountsByItsStatusAndTheConnectionIsKept() throws IOException {
    serve(i -> i % 2 == 0 ? answer("500 Internal Server Error", "", "{}") : ACCEPTED);

    sendInTurn(4);

    assertThat(outcomes).containsEntry(0L, "HTTP 500").containsEntry(1L, "accepted " + LEAD)
        .containsEntry(2L, "HTTP 500");
    assertThat(connections.get()).isEqualTo(1);
  }

  @Test
  void aServerThatSaysItClosesGetsTheNextRequestOnANewConnection() throws IOException {
    serve(i -> answer("202 Accepted", "Connection: close\r\n", "{\"leadId\":\"" + LEAD + "\"}") + CLOSE);

    sendInTurn(3);

    assertThat(outcomes.values()).containsOnly("accepted " + LEAD);
    assertThat(connections.get()).isEqualTo(3);
  }

  @Test
  void aConnectionClosedMidAnswerFailsItsRequestAndTheNextOneStillGoesThrough() throws IOException {
    serve(i -> i == 0 ? "HTTP/1.1 202 Accepted\r\nContent-Length: 60\r\n\r\n{\"leadId\":" + CLOSE : ACCEPTED);

    sendInTurn(2);

    assertThat(outcomes).containsEntry(0L, "connection closed mid-answer").containsEntry(1L, "accepted " + LEAD);
  }

  @Test
  void aChunkedAnswerIsAFailureNotAGuess() throws IOException {
    serve(i -> "HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

    sendInTurn(1);

    assertThat(outcomes).containsEntry(0L, "chunked answer");
  }

  @Test
  void aRequestWithoutAnAnswerTimesOutOnce() throws IOException {
    serve(i -> i == 0 ? null : ACCEPTED);

    sendInTurn(2);

    assertThat(outcomes).containsEntry(0L, "timeout").containsEntry(1L, "accepted " + LEAD);
  }

  @Test
  void aServerThatIsNotThereIsAConnectionFailure() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    client = new LeadClient("http://127.0.0.1:" + port, new LeadBodies("ab12cd34"), "bench-ab12cd34-",
        Duration.ofSeconds(1));

    sendInTurn(1);

    assertThat(outcomes).containsEntry(0L, "ConnectException");
  }
}
