package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

  private static final Path REPO = Path.of("/repo");

  @Test
  void defaultsRunTheStepsToSaturationOnTheLocalPostgres() {
    BenchmarkOptions options = BenchmarkOptions.parse(REPO, "2026-11-25-1600");

    assertThat(options.rates()).containsExactly(10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 750, 1000);
    assertThat(options.stepSeconds()).isEqualTo(60);
    assertThat(options.postgresUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    assertThat(options.out()).isEqualTo(Path.of("/repo/benchmark/results/2026-11-25-1600"));
    assertThat(options.profileRate()).isZero();
    // the JVM's own JIT, as production runs the services, not the launcher's C1-only start
    assertThat(options.serviceJavaOpts()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
  }

  @Test
  void flagsOverrideTheDefaults() {
    BenchmarkOptions options = BenchmarkOptions.parse(REPO, "x", "--rates", "200, 400", "--step-seconds", "30",
        "--warmup-seconds", "0", "--profile-rate", "400", "--service-java-opts", "-Xmx1g  -XX:+UseParallelGC",
        "--keep-schemas");

    assertThat(options.rates()).containsExactly(200, 400);
    assertThat(options.stepSeconds()).isEqualTo(30);
    assertThat(options.warmupSeconds()).isZero();
    assertThat(options.profileRate()).isEqualTo(400);
    assertThat(options.serviceJavaOpts()).isEqualTo(List.of("-Xmx1g", "-XX:+UseParallelGC"));
    assertThat(options.keepSchemas()).isTrue();
  }

  @Test
  void badValuesAreAnsweredNamingTheFlag() {
    assertThatThrownBy(() -> BenchmarkOptions.parse(REPO, "x", "--rates", "100,abc"))
        .hasMessageContaining("--rates");
    assertThatThrownBy(() -> BenchmarkOptions.parse(REPO, "x", "--rates", "500,100"))
        .hasMessageContaining("rise");
    assertThatThrownBy(() -> BenchmarkOptions.parse(REPO, "x", "--step-seconds", "0"))
        .hasMessageContaining("--step-seconds");
    assertThatThrownBy(() -> BenchmarkOptions.parse(REPO, "x", "--postgres", "postgres://x"))
        .hasMessageContaining("JDBC URL");
    assertThatThrownBy(() -> BenchmarkOptions.parse(REPO, "x", "--drain-seconds"))
        .hasMessageContaining("--drain-seconds needs a value");
    assertThatThrownBy(() -> BenchmarkOptions.parse(REPO, "x", "--fast"))
        .hasMessageContaining("unknown option --fast");
  }
}
