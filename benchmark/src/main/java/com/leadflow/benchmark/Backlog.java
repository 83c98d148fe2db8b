package com.leadflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The work waiting in the pipeline at one moment: records the consumer groups have not yet
 * committed past, and events the services have recorded in their outboxes but not yet published.
 * Either piling up means some stage cannot keep up.
 */
final class Backlog implements AutoCloseable {

  /**
   * @param consumerLag summed over every consumer group and partition
   * @param consumed the groups' committed offsets, summed: how many records they have read in all, so
   *     that two readings tell how many a step's leads made the consumers read (-1 when not known)
   */
  record Reading(long consumerLag, long outboxPending, long consumed) {
    long total() {
      return consumerLag + outboxPending;
    }
  }

  private static final long TIMEOUT_SECONDS = 5;

  private final Admin admin;
  private final Connection database;
  private final List<String> schemas;

  Backlog(String bootstrapServers, String jdbcUrl, String user, String password, List<String> schemas)
      throws SQLException {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    this.admin = Admin.create(config);
    this.database = DriverManager.getConnection(jdbcUrl, user, password);
    this.schemas = withOutbox(database, schemas);
  }

  /** The services that keep an outbox (a console that only reads the topics has none). */
  private static List<String> withOutbox(Connection database, List<String> schemas) throws SQLException {
    List<String> found = new java.util.ArrayList<>();
    try (var query = database.prepareStatement(
        "select 1 from information_schema.tables where table_schema = ? and table_name = 'outbox_event'")) {
      for (String schema : schemas) {
        query.setString(1, schema);
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            found.add(schema);
          }
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * Records on every dead-letter topic ({@code <topic>.dlt}, and spring-kafka's {@code -dlt} of a
   * retry-topic chain): end offset minus start offset, summed. -1 when the broker did not answer.
   */
  long deadLetters() throws InterruptedException {
    try {
      List<TopicPartition> partitions = new java.util.ArrayList<>();
      var names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
          .filter(Backlog::isDeadLetterTopic).toList();
      admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()
          .forEach(topic -> topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(partition -> {
        earliest.put(partition, OffsetSpec.earliest());
        latest.put(partition, OffsetSpec.latest());
      });
      var starts = admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      var ends = admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long records = 0;
      for (TopicPartition partition : partitions) {
        records += ends.get(partition).offset() - starts.get(partition).offset();
      }
      return records;
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    }
  }

  static boolean isDeadLetterTopic(String topic) {
    return topic.endsWith(".dlt") || topic.endsWith("-dlt");
  }

  Reading read() throws SQLException, InterruptedException {
    long[] lagAndConsumed = consumerLagAndConsumed();
    return new Reading(lagAndConsumed[0], outboxPending(), lagAndConsumed[1]);
  }

  /** Per group: end offset minus committed offset, on every partition the group has committed on. */
  long consumerLag() throws InterruptedException {
    return consumerLagAndConsumed()[0];
  }

  /** The lag as {@link #consumerLag}, and the committed offsets summed; both -1 when the broker did not answer. */
  private long[] consumerLagAndConsumed() throws InterruptedException {
    try {
      long lag = 0;
      long consumed = 0;
      @SuppressWarnings("deprecation")
      var groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (ConsumerGroupListing group : groups) {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
            .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (offsets.isEmpty()) {
          continue;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        offsets.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
            admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (var entry : offsets.entrySet()) {
          if (entry.getValue() == null) {
            continue;
          }
          lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
          consumed += entry.getValue().offset();
        }
      }
      return new long[] {lag, consumed};
    } catch (ExecutionException | TimeoutException e) {
      // a slow answer under load is a missing sample, not a failed run
      return new long[] {-1, -1};
    }
  }

  long outboxPending() throws SQLException {
    long pending = 0;
    try (Statement statement = database.createStatement()) {
      for (String schema : schemas) {
        try (ResultSet rows = statement.executeQuery(
            "select count(*) from " + schema + ".outbox_event where published_at is null")) {
          rows.next();
          pending += rows.getLong(1);
        }
      }
    }
    return pending;
  }

  @Override
  public void close() throws SQLException {
    admin.close();
    database.close();
  }
}
