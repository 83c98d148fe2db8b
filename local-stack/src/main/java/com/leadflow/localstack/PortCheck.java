package com.leadflow.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks before anything starts that every port is free, so a clash is reported as
 * "port 9092 is taken, the Kafka broker needs it" instead of a bind error deep in a child's log.
 */
public final class PortCheck {

  /** A port and who in the stack needs it; {@code hint} says how to move it, if that is possible. */
  public record Claim(int port, String owner, String hint) {}

  private static final int CONNECT_TIMEOUT_MS = 200;

  private PortCheck() {}

  public static List<String> problems(List<Claim> claims) {
    List<String> problems = new ArrayList<>();
    for (Claim claim : claims) {
      if (!isFree(claim.port())) {
        problems.add(describe(claim));
      }
    }
    return problems;
  }

  static String describe(Claim claim) {
    String text = "port " + claim.port() + " is already in use, and the " + claim.owner() + " needs it.";
    return claim.hint() == null ? text : text + " " + claim.hint();
  }

  /**
   * Free means nothing answers on loopback and the wildcard address can be bound. Both are
   * needed: the broker listens on localhost only, the services on every interface.
   * SO_REUSEADDR is on, as in the servers themselves, so sockets of a just-stopped run
   * lingering in TIME_WAIT do not count as taken.
   */
  public static boolean isFree(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
      return false;
    } catch (IOException expected) {
      // nothing listening on loopback; now see whether it can be bound
    }
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port nothing listens on now, as the kernel hands them out. */
  public static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  /** The first of {@code count} consecutive free ports, below the range the kernel hands out itself. */
  public static int freePortRange(int count) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      boolean free = true;
      for (int port = base; port < base + count && free; port++) {
        free = isFree(port);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("found no " + count + " consecutive free ports");
  }
}
