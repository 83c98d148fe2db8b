package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

  @TempDir
  Path repo;

  private List<ServiceProcess> services(StackLayout layout) {
    return ServiceSpec.ALL.stream()
        .map(spec -> new ServiceProcess(spec, layout, 9092, "http://localhost:8090/apis/registry/v3"))
        .toList();
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }

  @Test
  void anUnbuiltCheckoutIsReportedPieceByPieceWithTheBuildCommand() {
    StackLayout layout = TestLayouts.inside(repo);

    assertThatThrownBy(() -> Preflight.check(layout, LaunchOptions.defaults(), services(layout)))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("The Kafka broker's jars are missing from " + layout.kafkaLibDir())
        .hasMessageContaining("apicurio-registry-app-3.0.9-runner.jar is missing")
        .hasMessageContaining("The identity provider is not built")
        .hasMessageContaining("intake-service is not built")
        .hasMessageContaining("matching-service is not built")
        .hasMessageContaining("./mvnw -q package -DskipTests (or start with --no-services)");
  }

  @Test
  void withoutServicesTheirJarsAreNotNeeded() throws IOException {
    StackLayout layout = TestLayouts.inside(repo);
    touch(layout.kafkaLibDir().resolve("kafka_2.13-4.1.2.jar"));
    touch(layout.brokerLog4jConfig());
    touch(layout.registryRunnerJar());
    touch(layout.serviceJar("identity"));

    assertThat(Preflight.missingArtifacts(layout, List.of())).isEmpty();
    assertThat(Preflight.missingArtifacts(layout, services(layout))).hasSize(ServiceSpec.COUNT);
  }

  @Test
  void aTakenPortStopsTheStartNamingWhatNeedsIt() throws IOException {
    StackLayout layout = TestLayouts.inside(repo);
    touch(layout.kafkaLibDir().resolve("kafka_2.13-4.1.2.jar"));
    touch(layout.brokerLog4jConfig());
    touch(layout.registryRunnerJar());
    touch(layout.serviceJar("identity"));
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      LaunchOptions options = LaunchOptions.parse("--no-services", "--registry-port", "" + taken.getLocalPort(),
          "--kafka-port", "" + PortCheck.freePort(), "--controller-port", "" + PortCheck.freePort(),
          "--identity-port", "" + PortCheck.freePort());

      assertThatThrownBy(() -> Preflight.check(layout, options, List.of()))
          .hasMessage("port " + taken.getLocalPort()
              + " is already in use, and the schema registry needs it. Choose another with --registry-port.");
    }
  }

  @Test
  void resetWipesStateButKeepsTheUnpackedRegistry() throws IOException {
    StackLayout layout = TestLayouts.inside(repo);
    touch(layout.kafkaDataDir().resolve("meta.properties"));
    touch(layout.clusterIdFile());
    touch(layout.dataDir().resolve("intake.mv.db"));
    touch(layout.registryDir().resolve("registry.mv.db"));
    touch(layout.registryRunnerJar());
    touch(layout.logFile("kafka"));

    List<Path> wiped = Preflight.reset(layout);

    assertThat(wiped).containsExactly(layout.kafkaDir(), layout.registryDir(), layout.dataDir());
    assertThat(layout.kafkaDir()).doesNotExist();
    assertThat(layout.dataDir()).doesNotExist();
    assertThat(layout.registryDir()).doesNotExist();
    assertThat(layout.registryRunnerJar()).exists();
    assertThat(layout.logFile("kafka")).exists();
  }

  @Test
  void resetOnAFreshCheckoutWipesNothing() {
    assertThat(Preflight.reset(TestLayouts.inside(repo))).isEmpty();
  }
}
