package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {

  @Test
  void everythingLivesUnderDotLocalOfTheCheckout() {
    StackLayout layout = TestLayouts.inside(Path.of("/repo"));

    assertThat(layout.localDir()).isEqualTo(Path.of("/repo/.local"));
    assertThat(layout.kafkaDataDir()).isEqualTo(Path.of("/repo/.local/kafka/data"));
    assertThat(layout.clusterIdFile()).isEqualTo(Path.of("/repo/.local/kafka/cluster.id"));
    assertThat(layout.dataDir()).isEqualTo(Path.of("/repo/.local/data"));
    assertThat(layout.logFile("kafka")).isEqualTo(Path.of("/repo/.local/logs/kafka.log"));
    assertThat(layout.kafkaLibDir()).isEqualTo(Path.of("/repo/local-stack/target/kafka-lib"));
    assertThat(layout.registryRunnerJar()).isEqualTo(
        Path.of("/repo/.local/dist/apicurio-registry-3.0.9/apicurio-registry-app-3.0.9-runner.jar"));
    assertThat(layout.serviceJar("review-service"))
        .isEqualTo(Path.of("/repo/review-service/target/review-service-0.1.0-SNAPSHOT.jar"));
  }

  @Test
  void resetNeverTouchesTheUnpackedRegistryOrTheLogs() {
    StackLayout layout = TestLayouts.inside(Path.of("/repo"));

    assertThat(layout.resettable()).containsExactly(
        Path.of("/repo/.local/kafka"), Path.of("/repo/.local/registry"), Path.of("/repo/.local/data"));
  }

  @Test
  void aCheckoutIsRecognisedByItsPoms(@TempDir Path dir) throws IOException {
    assertThat(StackLayout.isCheckout(dir)).isFalse();
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Files.createDirectories(dir.resolve("local-stack"));
    Files.writeString(dir.resolve("local-stack/pom.xml"), "<project/>");

    assertThat(StackLayout.isCheckout(dir)).isTrue();
  }

  @Test
  void theBuildStampedItsVersions() {
    BuildInfo build = BuildInfo.load();

    assertThat(build.registryVersion()).isEqualTo(System.getProperty("apicurio.registry.version"));
    assertThat(build.kafkaVersion()).startsWith("4.");
    assertThat(build.projectVersion()).isEqualTo("0.1.0-SNAPSHOT");
  }
}
