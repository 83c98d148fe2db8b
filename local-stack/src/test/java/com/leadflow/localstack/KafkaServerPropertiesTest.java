package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

  private final Path dataDir = Path.of("/repo/.local/kafka/data");

  @Test
  void singleNodeInCombinedModeOnTheGivenPorts() {
    Map<String, String> p = KafkaServerProperties.of(9092, 9093, dataDir);

    assertThat(p).containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.bootstrap.servers", "localhost:9093")
        .containsEntry("listeners", "PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093")
        .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9092")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry("log.dirs", dataDir.toAbsolutePath().toString());
  }

  @Test
  void internalTopicsHaveOneReplicaAndGroupsDoNotWait() {
    Map<String, String> p = KafkaServerProperties.of(9092, 9093, dataDir);

    assertThat(p).containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false");
  }

  @Test
  void aDeadGroupMembersPartitionsAreHandedOnWithinSixSeconds() {
    Map<String, String> p = KafkaServerProperties.of(9092, 9093, dataDir);

    assertThat(p).containsEntry("group.consumer.session.timeout.ms", "6000")
        .containsEntry("group.consumer.min.session.timeout.ms", "6000")
        .containsEntry("group.consumer.heartbeat.interval.ms", "2000")
        .containsEntry("group.consumer.min.heartbeat.interval.ms", "2000");
  }

  @Test
  void smallFootprint() {
    Map<String, String> p = KafkaServerProperties.of(9092, 9093, dataDir);

    assertThat(p).containsEntry("log.cleaner.dedupe.buffer.size", "2097152")
        .containsEntry("num.network.threads", "2")
        .containsEntry("num.io.threads", "2");
  }

  @Test
  void otherPortsAreUsedEverywhere() {
    Map<String, String> p = KafkaServerProperties.of(19092, 19093, dataDir);

    assertThat(String.join(" ", p.values()))
        .doesNotContainPattern(":909[23]\\b")
        .contains(":19092", ":19093");
  }

  @Test
  void renderedTextReadsBackAsTheSameProperties() throws IOException {
    Map<String, String> p = KafkaServerProperties.of(9092, 9093, Path.of("C:\\leadflow\\.local\\kafka\\data"));
    Properties parsed = new Properties();

    parsed.load(new StringReader(KafkaServerProperties.render(p)));

    assertThat(parsed).hasSize(p.size());
    p.forEach((key, value) -> assertThat(parsed.getProperty(key)).as(key).isEqualTo(value));
  }
}
