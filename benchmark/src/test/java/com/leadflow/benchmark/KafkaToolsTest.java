package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaToolsTest {

  @Test
  void readsTheProducerPerfTestsSummaryNotItsProgressLines() {
    String output = """
        249871 records sent, 49964.2 records/sec (30.50 MB/sec), 301.4 ms avg latency, 745.0 ms max latency.
        300000 records sent, 51626.2 records/sec (31.51 MB/sec), 280.15 ms avg latency, 745.00 ms max latency, \
        262 ms 50th, 602 ms 95th, 700 ms 99th, 741 ms 99.9th.
        """;

    BenchmarkResult.ProducerRun run = KafkaTools.parseProducer(output, null);

    assertThat(run.targetPerSecond()).isNull();
    assertThat(run.records()).isEqualTo(300_000);
    assertThat(run.recordsPerSecond()).isEqualTo(51626.2);
    assertThat(run.mbPerSecond()).isEqualTo(31.51);
    assertThat(run.avgMs()).isEqualTo(280.15);
    assertThat(run.maxMs()).isEqualTo(745.0);
    assertThat(run.p50Ms()).isEqualTo(262);
    assertThat(run.p95Ms()).isEqualTo(602);
    assertThat(run.p99Ms()).isEqualTo(700);
    assertThat(run.p999Ms()).isEqualTo(741);
  }

  @Test
  void readsEndToEndLatencysAverageAndPercentiles() {
    String output = """
        0\t2.81
        1000\t1.05
        Avg latency: 1.2034 ms
        Percentiles: 50th = 1, 99th = 3, 99.9th = 9
        """;

    BenchmarkResult.EndToEnd run = KafkaTools.parseEndToEnd(output, 5_000);

    assertThat(run.records()).isEqualTo(5_000);
    assertThat(run.avgMs()).isEqualTo(1.2034);
    assertThat(run.p50Ms()).isEqualTo(1);
    assertThat(run.p99Ms()).isEqualTo(3);
    assertThat(run.p999Ms()).isEqualTo(9);
  }

  @Test
  void outputWithoutASummarySaysSoWithItsLastLines() {
    assertThatThrownBy(() -> KafkaTools.parseProducer("ERROR could not connect to localhost:1\n", 500))
        .hasMessageContaining("no summary line").hasMessageContaining("could not connect");
    assertThatThrownBy(() -> KafkaTools.parseEndToEnd("Exception in thread main\n", 10))
        .hasMessageContaining("no latency summary");
  }
}
