package com.leadflow.localstack;

import static org.awaitility.Awaitility.await;

import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
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
   * of {@code topic}: from then on, the topic's records are split between them. Returns the group
   * as it was then.
   */
  static ConsumerGroupDescription awaitSharing(FunnelStack stack, String group, String topic, int members) {
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
      return last.get();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("consumer group " + group + " never had " + members + " members sharing " + topic
          + "; last seen: " + last.get(), e);
    }
  }

  static ConsumerGroupDescription describe(FunnelStack stack, String group) throws Exception {
    try (Admin admin = admin(stack)) {
      return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
          .get(CALL.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /**
   * Until one of {@code before}'s members is the group's only member and holds all {@code partitions}
   * partitions of {@code topic}; returns when it first was.
   */
  static Instant awaitSoleReader(FunnelStack stack, String group, String topic, Set<String> before, int partitions,
      Duration atMost) {
    AtomicReference<ConsumerGroupDescription> last = new AtomicReference<>();
    try (Admin admin = admin(stack)) {
      await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
            .describedGroups().get(group).get(CALL.toSeconds(), TimeUnit.SECONDS);
        last.set(description);
        Map<String, Set<TopicPartition>> held = assignments(description, topic);
        return held.size() == 1 && before.containsAll(held.keySet())
            && held.values().iterator().next().size() == partitions;
      });
      return Instant.now();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no one member of " + before + " came to read all of " + topic + " alone; last seen: "
          + last.get(), e);
    }
  }

  /** Which partitions of {@code topic} each member of the group holds, by member id. */
  static Map<String, Set<TopicPartition>> assignments(ConsumerGroupDescription group, String topic) {
    return group.members().stream().collect(Collectors.toMap(MemberDescription::consumerId,
        m -> m.assignment().topicPartitions().stream().filter(p -> p.topic().equals(topic))
            .collect(Collectors.toSet())));
  }

  /** The group's committed offset on each partition of {@code topic} it has committed on. */
  static Map<TopicPartition, Long> committed(FunnelStack stack, String group, String topic) throws Exception {
    try (Admin admin = admin(stack)) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get(CALL.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
  }

  /** Each partition's end offset: how many records it holds. */
  static Map<TopicPartition, Long> endOffsets(FunnelStack stack, Set<TopicPartition> partitions) throws Exception {
    try (Admin admin = admin(stack)) {
      return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
          .all().get(CALL.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
  }

  /**
   * Every dead-letter topic the services write: each catalog topic's (derived by the catalog)
   * and insurance's checks topic's, which spring-kafka's retry topics name with their own
   * suffix ({@code CheckTopicConfiguration}).
   */
  static final String[] DEAD_LETTER_TOPICS = Stream.concat(
      Topics.ALL.stream().map(Topic::deadLetterTopic), Stream.of("insurance.checks-dlt")).toArray(String[]::new);

  /**
   * How many records each dead-letter topic holds: the {@link #DEAD_LETTER_TOPICS} and any other
   * topic on the broker whose name ends in "dlt", however it is joined on.
   */
  static Map<String, Long> deadLetterCounts(FunnelStack stack) throws Exception {
    try (Admin admin = admin(stack)) {
      Set<String> existing = admin.listTopics().names().get(CALL.toSeconds(), TimeUnit.SECONDS);
      Set<String> wanted = new TreeSet<>(List.of(DEAD_LETTER_TOPICS));
      existing.stream().filter(name -> name.toLowerCase(Locale.ROOT).endsWith("dlt")).forEach(wanted::add);
      List<String> topics = wanted.stream().filter(existing::contains).toList();
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
