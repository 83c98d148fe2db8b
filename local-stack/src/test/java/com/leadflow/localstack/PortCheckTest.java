package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void aListeningPortIsReportedWithWhoNeedsIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      List<String> problems = PortCheck.problems(List.of(
          new PortCheck.Claim(port, "Kafka broker", "Choose another with --kafka-port.")));

      assertThat(problems).containsExactly("port " + port
          + " is already in use, and the Kafka broker needs it. Choose another with --kafka-port.");
    }
  }

  @Test
  void aPortBoundOnEveryInterfaceIsTakenToo() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));

      assertThat(PortCheck.isFree(taken.getLocalPort())).isFalse();
    }
  }

  @Test
  void aClosedPortIsFree() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }

    assertThat(PortCheck.isFree(port)).isTrue();
    assertThat(PortCheck.problems(List.of(new PortCheck.Claim(port, "schema registry", null)))).isEmpty();
  }

  @Test
  void withoutAHintTheMessageStillNamesPortAndOwner() {
    assertThat(PortCheck.describe(new PortCheck.Claim(8081, "intake-service", null)))
        .isEqualTo("port 8081 is already in use, and the intake-service needs it.");
  }
}
