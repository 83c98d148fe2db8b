package com.leadflow.localstack;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/** What the broker itself says: who reads a topic in a consumer group, and what sits in dead-letter topics. */
final class BrokerQueries {

  private static final Duration CALL = Duration.ofSeconds(10);

  private BrokerQueries() {}

  /**
   * Until the group is stable with {@code members} members that each read at least one partition
   * of {@code topic}: from then on, the topic's records are split between them.
   */
  static void awaitSharing(FunnelStack stack, String group, String topic, int members) {
    AtomicReference<ConsumerGroupDescription> last = new AtomicReference<>();
    try (Admin admin = admin(stack)) {
      await().atMost(TimelineWaits.FLOW).pollInterval(Duration.ofMillis(500)).until(() -> {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
            .describedGroups().get(group).get(CALL.toSeconds(), TimeUnit.SECONDS);
        last.set(description);
        long reading = description.members().stream()
            .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
            .count();
        return description.groupState() == GroupState.STABLE && reading == members;
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("consumer group " + group + " never had " + members + " members sharing " + topic
          + "; last seen: " + last.get(), e);
    }
  }

  /** How many records each dead-letter topic ({@code *.dlt}) holds. */
  static Map<String, Long> deadLetterCounts(FunnelStack stack) throws Exception {
    try (Admin admin = admin(stack)) {
      List<String> topics = admin.listTopics().names().get(CALL.toSeconds(), TimeUnit.SECONDS).stream()
          .filter(name -> name.endsWith(".dlt")).toList();
      List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames()
          .get(CALL.toSeconds(), TimeUnit.SECONDS).values().stream()
          .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
          .toList();
      Map<TopicPartition, ListOffsetsResultInfo> earliest = admin.listOffsets(partitions.stream()
          .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get(CALL.toSeconds(), TimeUnit.SECONDS);
      Map<TopicPartition, ListOffsetsResultInfo> latest = admin.listOffsets(partitions.stream()
          .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(CALL.toSeconds(), TimeUnit.SECONDS);
      Map<String, Long> counts = new TreeMap<>();
      topics.forEach(topic -> counts.put(topic, 0L));
      partitions.forEach(p -> counts.merge(p.topic(), latest.get(p).offset() - earliest.get(p).offset(), Long::sum));
      return counts;
    }
  }

  /**
   * The reason each record in a dead-letter topic carries (platform's reason header, else the
   * exception class spring-kafka notes), so a non-empty one explains itself in the failure.
   */
  static List<String> deadLetterReasons(FunnelStack stack, String topic) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, CALL).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL);
      List<String> reasons = new ArrayList<>();
      await().atMost(CALL).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> reasons.add(reason(record.headers())));
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
      return reasons;
    }
  }

  private static String reason(Headers headers) {
    for (String name : List.of("leadflow-dlt-reason", "kafka_dlt-exception-fqcn")) {
      Header header = headers.lastHeader(name);
      if (header != null) {
        return name + ": " + new String(header.value(), StandardCharsets.UTF_8);
      }
    }
    return "(no reason header)";
  }

  private static Admin admin(FunnelStack stack) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
  }
}
