package com.leadflow.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How long a consumer group leaves a topic unread after one of its instances is killed, as the
 * broker tells it: when the killed instance's members leave the group (their session timed out),
 * when live members hold its partitions again, and when the group's committed offsets on the topic
 * move again (someone read and applied what arrived since the kill). Watched every 200 ms from the
 * kill on, beside the restart.
 */
final class UnreadWindow implements AutoCloseable {

  private static final Duration CALL = Duration.ofSeconds(5);
  private static final Duration EVERY = Duration.ofMillis(200);

  /**
   * @param heldByTheKilled from the kill until the killed instance's members were gone from the group
   * @param restart from the kill until the restarted instance answered healthy
   * @param reassigned from the kill until live members held every partition of the topic the killed ones had
   * @param committedAgain from the kill until the group's committed offsets on the topic moved again: the
   *     restarted instance worked off what came in meanwhile (its first poll) and committed
   */
  record Measured(String group, Duration heldByTheKilled, Duration restart, Duration reassigned,
      Duration committedAgain) {

    /** How long the restarted instance, once up, waited for its partitions (0 if they were there at once). */
    Duration assignedAfterRestart() {
      Duration after = reassigned.minus(restart);
      return after.isNegative() ? Duration.ZERO : after;
    }

    @Override
    public String toString() {
      return group + ": the killed instance held its partitions " + seconds(heldByTheKilled)
          + " after the kill; the restart took " + seconds(restart) + "; the partitions were assigned again "
          + seconds(assignedAfterRestart()) + " after it was up (" + seconds(reassigned)
          + " after the kill) and committed on again " + seconds(committedAgain) + " after the kill";
    }

    private static String seconds(Duration d) {
      return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
  }

  private final Admin admin;
  private final String group;
  private final String topic;
  private final Set<String> killedMembers;
  private final Set<TopicPartition> killedPartitions;
  private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "unread-window");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Instant> released = new AtomicReference<>();
  private final AtomicReference<Instant> reassigned = new AtomicReference<>();
  private final AtomicReference<Instant> committedAgain = new AtomicReference<>();
  private final AtomicReference<String> lastSeen = new AtomicReference<>("nothing yet");
  private Instant killedAt;
  private Instant restartedAt;
  private Map<TopicPartition, Long> committedAtKill;

  private UnreadWindow(FunnelStack stack, String group, String topic) throws Exception {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    this.group = group;
    this.topic = topic;
    ConsumerGroupDescription before = describe();
    this.killedMembers = before.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
    this.killedPartitions = partitionsOfTopic(before.members());
    if (killedPartitions.isEmpty()) {
      throw new AssertionError("consumer group " + group + " has no member reading " + topic + " to kill");
    }
  }

  /** Notes who is in {@code group} now: the members the kill will leave behind. Call just before the kill. */
  static UnreadWindow before(FunnelStack stack, String group, String topic) throws Exception {
    return new UnreadWindow(stack, group, topic);
  }

  /** Call just after the kill: from here on the dead members can commit nothing more. */
  void killed() throws Exception {
    killedAt = Instant.now();
    committedAtKill = committed();
    watch.scheduleWithFixedDelay(this::look, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Call once the restarted instance answers healthy. */
  void restarted() {
    restartedAt = Instant.now();
  }

  /** Until the group reads and commits again (every moment seen), then what it took. */
  Measured awaitReadAgain(Duration atMost) {
    try {
      Awaitility.await().atMost(atMost).pollInterval(EVERY)
          .until(() -> released.get() != null && reassigned.get() != null && committedAgain.get() != null);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("consumer group " + group + " did not read " + topic + " again within " + atMost
          + " of the restart (killed members " + killedMembers + (released.get() == null ? " still there" : " gone")
          + "); last seen: " + lastSeen.get(), e);
    }
    return new Measured(group, Duration.between(killedAt, released.get()), Duration.between(killedAt, restartedAt),
        Duration.between(killedAt, reassigned.get()), Duration.between(killedAt, committedAgain.get()));
  }

  private void look() {
    try {
      Instant now = Instant.now();
      ConsumerGroupDescription description = describe();
      List<String> members = description.members().stream().map(MemberDescription::consumerId).toList();
      if (released.get() == null && members.stream().noneMatch(killedMembers::contains)) {
        released.set(now);
      }
      if (reassigned.get() == null && partitionsOfTopic(description.members().stream()
          .filter(m -> !killedMembers.contains(m.consumerId())).toList()).containsAll(killedPartitions)) {
        reassigned.set(now);
      }
      if (committedAgain.get() == null && movedSinceTheKill()) {
        committedAgain.set(now);
      }
      lastSeen.set(description.groupState() + " with members " + members);
    } catch (Exception e) {
      lastSeen.set("the broker did not answer: " + e);
    }
  }

  /**
   * Every partition that got records since the kill has its committed offset past where it was
   * then, and at least one did: what came in since the kill was read.
   */
  private boolean movedSinceTheKill() throws Exception {
    Map<TopicPartition, Long> committed = committed();
    Map<TopicPartition, OffsetSpec> latest = committedAtKill.keySet().stream()
        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get(CALL.toSeconds(), TimeUnit.SECONDS)
        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    boolean anyMoved = false;
    for (TopicPartition partition : committedAtKill.keySet()) {
      long before = committedAtKill.get(partition);
      long now = committed.getOrDefault(partition, before);
      if (now > before) {
        anyMoved = true;
      } else if (ends.get(partition) > before) {
        return false;
      }
    }
    return anyMoved;
  }

  private Set<TopicPartition> partitionsOfTopic(java.util.Collection<MemberDescription> members) {
    return members.stream().flatMap(m -> m.assignment().topicPartitions().stream())
        .filter(p -> p.topic().equals(topic)).collect(Collectors.toSet());
  }

  private Map<TopicPartition, Long> committed() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(CALL.toSeconds(), TimeUnit.SECONDS);
    return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private ConsumerGroupDescription describe() throws Exception {
    return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
        .get(CALL.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    watch.shutdownNow();
    admin.close(CALL);
  }
}
