package com.leadflow.benchmark;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts leads to intake over HTTP/1.1 keep-alive connections, with one thread of its own on a NIO
 * selector that opens connections and reads every answer. A load generator needs so little of HTTP that a general client costs more
 * than the requests: each request is written from pre-built bytes (head and body), and of each
 * answer only the status line, Content-Length, Connection and the lead id are read (see
 * {@link HttpAnswer}). Every request ends exactly once, in {@link Answers#accepted} or
 * {@link Answers#failed}: a status other than 202, an answer it cannot frame, a connection that
 * closes or fails before the whole answer, and no answer within the timeout are failures by kind.
 *
 * <p>On a connection that is idle the caller's thread writes the request itself: handing it over
 * would cost a wake-up of the client's thread and more system calls per request than the writing
 * does. Which thread ends a request is settled by whichever takes it off its connection first.
 */
final class LeadClient implements AutoCloseable {

  /** Where a request's end is told: on the client's thread, or the caller's when a send fails there. */
  interface Answers {
    void accepted(Request request, UUID leadId, long nowNanos);

    void failed(Request request, String kind, long nowNanos);
  }

  /** The n-th lead, due at {@code dueNanos} ({@link System#nanoTime()}). */
  record Request(long n, long dueNanos, Answers answers) {}

  static final String THREAD_NAME = "bench-http";
  // how often timeouts and idle connections are looked for: a 30 s timeout noticed up to a second
  // late is still a timeout, and the thread then wakes for little but requests
  private static final long SCAN_NANOS = 1_000_000_000;
  // closed before a server would close it for idleness, so a request never races that close
  private static final long IDLE_NANOS = Duration.ofSeconds(15).toNanos();
  private static final int ANSWER_BYTES = 16 * 1024;

  private final InetSocketAddress address;
  private final LeadBodies bodies;
  private final byte[] headUntilKey;
  private final long timeoutNanos;
  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final List<Connection> all = new ArrayList<>();
  private volatile boolean open = true;
  private long lastScan = System.nanoTime();

  LeadClient(String baseUrl, LeadBodies bodies, String idempotencyPrefix, Duration timeout) throws IOException {
    URI uri = URI.create(baseUrl);
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    this.bodies = bodies;
    this.headUntilKey = ("POST /api/leads HTTP/1.1\r\nHost: " + uri.getHost() + (uri.getPort() < 0 ? "" : ":"
        + uri.getPort()) + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nIdempotency-Key: "
        + idempotencyPrefix).getBytes(StandardCharsets.US_ASCII);
    this.timeoutNanos = timeout.toNanos();
    this.selector = Selector.open();
    this.thread = new Thread(this::loop, THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Writes the request on an idle connection, or hands it to the client's thread to open one (or
   * to finish writing what the socket did not take at once).
   */
  void submit(Request request) {
    Connection connection = idle.pollFirst();
    while (connection != null && !connection.channel.isOpen()) {
      connection = idle.pollFirst(); // closed by the client's thread, which forgets it on its next scan
    }
    if (connection == null) {
      pending.add(request);
      selector.wakeup();
      return;
    }
    try {
      send(connection, request);
      if (connection.out.isReadable()) {
        selector.wakeup(); // the client's thread writes the rest when the socket takes it
      }
    } catch (IOException e) {
      close(connection);
      end(connection, e.getClass().getSimpleName());
    }
  }

  /** CPU time the client's thread has used. */
  long cpuNanos() {
    return Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId()));
  }

  /**
   * A connection and what it is doing: idle when {@code request} holds none. The request and the
   * bytes going out are written by whichever thread sends; what comes in is the client thread's.
   */
  private static final class Connection {
    final SocketChannel channel;
    final ByteBuf body = Unpooled.buffer(2048);
    final ByteBuf out = Unpooled.buffer(4096);
    final ByteBuffer in = ByteBuffer.allocate(ANSWER_BYTES);
    final HttpAnswer answer = new HttpAnswer();
    final AtomicReference<Request> request = new AtomicReference<>();
    volatile SelectionKey key;
    volatile long since;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }
  }

  private void loop() {
    try {
      while (open) {
        selector.select(this::ready, SCAN_NANOS / 1_000_000);
        Request request;
        while ((request = pending.poll()) != null) {
          start(request);
        }
        long now = System.nanoTime();
        if (now - lastScan >= SCAN_NANOS) {
          lastScan = now;
          expire(now);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the selector itself failed: nothing more can be sent; what is in flight fails below
      System.err.println("load generator's HTTP thread stopped: " + e.getClass().getSimpleName());
    } finally {
      new ArrayList<>(all).forEach(c -> drop(c, "client closed"));
      pending.forEach(r -> r.answers().failed(r, "client closed", System.nanoTime()));
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** On the client's thread: the request on an idle connection, or a new one. */
  private void start(Request request) {
    Connection connection = idle.pollFirst();
    if (connection != null && connection.channel.isOpen()) {
      try {
        send(connection, request);
      } catch (IOException e) {
        drop(connection, e.getClass().getSimpleName());
      }
      return;
    }
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException e) {
      closeQuietly(channel);
      request.answers().failed(request, e.getClass().getSimpleName(), System.nanoTime());
      return;
    }
    connection = new Connection(channel);
    all.add(connection);
    connection.since = System.nanoTime();
    connection.request.set(request);
    try {
      boolean connected = channel.connect(address);
      connection.key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, connection);
      if (connected) {
        write(connection, request.n());
      }
    } catch (IOException e) {
      drop(connection, e.getClass().getSimpleName());
    }
  }

  private void send(Connection connection, Request request) throws IOException {
    connection.since = System.nanoTime();
    connection.request.set(request);
    write(connection, request.n());
  }

  /** Builds the request's bytes into the connection's buffer and writes what the socket takes. */
  private void write(Connection connection, long n) throws IOException {
    ByteBuf body = connection.body.clear();
    bodies.writeTo(n, body);
    ByteBuf out = connection.out.clear();
    out.writeBytes(headUntilKey);
    LeadBodies.writeDecimal(out, n);
    out.writeBytes(CONTENT_LENGTH);
    LeadBodies.writeDecimal(out, body.readableBytes());
    out.writeBytes(HEAD_END);
    out.writeBytes(body);
    flush(connection);
  }

  private static final byte[] CONTENT_LENGTH = "\r\nContent-Length: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private void flush(Connection connection) throws IOException {
    connection.out.readBytes(connection.channel, connection.out.readableBytes());
    int interest = connection.out.isReadable() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    if (connection.key.interestOps() != interest) {
      connection.key.interestOps(interest);
    }
  }

  private void ready(SelectionKey key) {
    Connection connection = (Connection) key.attachment();
    try {
      if (key.isConnectable()) {
        connection.channel.finishConnect();
        Request request = connection.request.get();
        if (request == null) {
          drop(connection, null); // timed out while connecting
        } else {
          write(connection, request.n());
        }
        return;
      }
      if (key.isWritable()) {
        flush(connection);
      }
      if (key.isReadable()) {
        read(connection);
      }
    } catch (IOException e) {
      drop(connection, e.getClass().getSimpleName());
    }
  }

  private void read(Connection connection) throws IOException {
    ByteBuffer in = connection.in;
    int read = connection.channel.read(in);
    if (read < 0) {
      drop(connection, in.position() == 0 ? "connection closed before the answer" : "connection closed mid-answer");
      return;
    }
    if (connection.request.get() == null) {
      drop(connection, null); // bytes nobody asked for: this connection cannot be trusted with another request
      return;
    }
    HttpAnswer answer = connection.answer;
    switch (answer.parse(in.array(), in.position())) {
      case INCOMPLETE -> {
        return;
      }
      case MALFORMED -> {
        drop(connection, answer.problem);
        return;
      }
      case COMPLETE -> {
        // handled below
      }
    }
    long now = System.nanoTime();
    boolean reusable = !answer.close && in.position() == answer.end();
    UUID leadId = answer.status == 202 ? answer.leadId(in.array()) : null;
    in.clear();
    Request request = connection.request.getAndSet(null);
    if (request == null) {
      return; // ended on the sending thread meanwhile, which closed the connection
    }
    if (reusable) {
      connection.since = now;
      idle.addFirst(connection);
    } else {
      drop(connection, null);
    }
    if (answer.status != 202) {
      request.answers().failed(request, "HTTP " + answer.status, now);
    } else if (leadId == null) {
      request.answers().failed(request, "202 without a lead id", now);
    } else {
      request.answers().accepted(request, leadId, now);
    }
  }

  /** Requests unanswered within the timeout fail; connections idle too long are closed. */
  private void expire(long now) {
    for (Connection connection : new ArrayList<>(all)) {
      boolean busy = connection.request.get() != null;
      if (!connection.channel.isOpen()) {
        drop(connection, null); // a send failed on the caller's thread, which ended its request
      } else if (busy && now - connection.since > timeoutNanos) {
        drop(connection, "timeout");
      } else if (!busy && now - connection.since > IDLE_NANOS && idle.remove(connection)) {
        drop(connection, null);
      }
    }
  }

  /** On the client's thread: closes a connection and forgets it; its request, if any, fails with {@code kind}. */
  private void drop(Connection connection, String kind) {
    all.remove(connection);
    idle.remove(connection);
    close(connection);
    end(connection, kind == null ? "connection dropped" : kind);
  }

  private static void close(Connection connection) {
    SelectionKey key = connection.key;
    if (key != null) {
      key.cancel();
    }
    closeQuietly(connection.channel);
  }

  /** Fails the connection's request, unless another thread has ended it already. */
  private static void end(Connection connection, String kind) {
    Request request = connection.request.getAndSet(null);
    if (request != null) {
      request.answers().failed(request, kind, System.nanoTime());
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // it is being thrown away
    }
  }

  @Override
  public void close() throws InterruptedException {
    open = false;
    selector.wakeup();
    thread.join(Duration.ofSeconds(5).toMillis());
  }
}
