package com.leadflow.ops.flow;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.flow.FlowSnapshot.GroupLag;
import com.leadflow.ops.flow.FlowSnapshot.Member;
import com.leadflow.ops.flow.FlowSnapshot.PartitionLag;
import com.leadflow.ops.flow.FlowSnapshot.TopicFlow;
import com.leadflow.ops.flow.NextRecordTimes.Position;
import com.leadflow.ops.flow.RateHistory.RatePoint;
import com.leadflow.ops.kafka.KafkaAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Samples the broker: every topic's offsets, every consumer group's committed offsets and
 * members, and from them rates, lag in records and seconds, and stalls. Runs on the console's
 * sampler thread only (its consumer and maps are not shared).
 */
public class FlowSampler implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;
    private static final Duration CONFIG_REFRESH = Duration.ofMinutes(5);

    private final Admin admin;
    private final OpsProperties properties;
    private final Clock clock;
    private final NextRecordTimes nextRecordTimes;
    private final CommitProgress progress = new CommitProgress();
    private final Map<String, RateHistory> histories = new HashMap<>();
    private final Map<String, Long> retention = new HashMap<>();
    private Instant retentionReadAt = Instant.EPOCH;
    private Previous previous;

    public FlowSampler(Admin admin, KafkaAccess kafka, OpsProperties properties, Clock clock) {
        this.admin = admin;
        this.properties = properties;
        this.clock = clock;
        this.nextRecordTimes = new NextRecordTimes(kafka);
    }

    public FlowSnapshot sample() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topicNames = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, TopicDescription> topics = admin.describeTopics(topicNames).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = topics.values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Instant now = clock.instant();
        refreshRetention(topicNames, now);

        List<String> groupIds = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream().map(listing -> listing.groupId()).sorted().toList();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        Map<String, ConsumerGroupDescription> descriptions = Map.of();
        if (!groupIds.isEmpty()) {
            Map<String, ListConsumerGroupOffsetsSpec> specs = groupIds.stream()
                    .collect(Collectors.toMap(id -> id, id -> new ListConsumerGroupOffsetsSpec()));
            var offsets = admin.listConsumerGroupOffsets(specs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            offsets.forEach((group, byPartition) -> {
                Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
                byPartition.forEach((tp, offset) -> {
                    if (offset != null && ends.containsKey(tp)) {
                        present.put(tp, offset);
                    }
                });
                committed.put(group, present);
            });
            descriptions = admin.describeConsumerGroups(groupIds).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        progress.retainOnly(committed.keySet());

        Set<Position> lagging = new HashSet<>();
        committed.forEach((group, byPartition) -> byPartition.forEach((tp, offset) -> {
            if (ends.get(tp) > offset.offset()) {
                lagging.add(new Position(tp, offset.offset()));
            }
        }));
        Map<Position, Instant> nextAt = nextRecordTimes.lookUp(lagging);

        List<GroupLag> groups = new ArrayList<>();
        for (var entry : committed.entrySet()) {
            groups.addAll(groupLags(entry.getKey(), entry.getValue(), descriptions.get(entry.getKey()), ends, nextAt, now));
        }
        groups.sort(Comparator.comparing(GroupLag::topic).thenComparing(GroupLag::group));
        Map<String, Long> consumedByTopic = new HashMap<>();
        committed.values().forEach(byPartition -> byPartition.forEach((tp, offset) ->
                consumedByTopic.merge(tp.topic(), offset.offset(), Long::sum)));
        Map<String, Long> writtenByTopic = new HashMap<>();
        ends.forEach((tp, end) -> writtenByTopic.merge(tp.topic(), end, Long::sum));

        List<TopicFlow> flows = new ArrayList<>();
        for (TopicDescription topic : topics.values()) {
            String name = topic.name();
            long held = topic.partitions().stream().mapToLong(p -> {
                TopicPartition tp = new TopicPartition(name, p.partition());
                return ends.get(tp) - starts.getOrDefault(tp, 0L);
            }).sum();
            double in = previous == null ? 0 : previous.rate(previous.written, name, writtenByTopic.get(name), now);
            double out = previous == null ? 0 : previous.rate(previous.consumed, name,
                    consumedByTopic.getOrDefault(name, 0L), now);
            RateHistory history = histories.computeIfAbsent(name, n -> new RateHistory(properties.history()));
            if (previous != null) {
                history.add(new RatePoint(now, in, out));
            }
            flows.add(new TopicFlow(name, topic.partitions().size(), held, in, out, retention.get(name),
                    isDeadLetterTopic(name), history.points()));
        }
        flows.sort(Comparator.comparing(TopicFlow::name));
        histories.keySet().retainAll(topicNames);
        previous = new Previous(now, writtenByTopic, consumedByTopic);
        return new FlowSnapshot(now, List.copyOf(flows), List.copyOf(groups));
    }

    /** Dead-letter topics: {@code <topic>.dlt} from the platform, {@code <topic>-dlt} from retry topics. */
    public static boolean isDeadLetterTopic(String name) {
        return name.endsWith(".dlt") || name.endsWith("-dlt");
    }

    private List<GroupLag> groupLags(String group, Map<TopicPartition, OffsetAndMetadata> byPartition,
            ConsumerGroupDescription description, Map<TopicPartition, Long> ends, Map<Position, Instant> nextAt,
            Instant now) {
        Map<String, List<PartitionLag>> byTopic = new TreeMap<>();
        byPartition.forEach((tp, offset) -> {
            long end = ends.get(tp);
            long lag = Math.max(0, end - offset.offset());
            Instant since = progress.observe(group, tp, offset.offset(), now);
            Instant next = lag > 0 ? nextAt.get(new Position(tp, offset.offset())) : null;
            boolean stalled = CommitProgress.stalled(lag, since, now, properties.stallAfter());
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>())
                    .add(new PartitionLag(tp.partition(), offset.offset(), end, lag, next, since, stalled));
        });
        String state = description == null ? "UNKNOWN" : description.groupState().toString();
        List<GroupLag> lags = new ArrayList<>();
        byTopic.forEach((topic, partitionLags) -> {
            partitionLags.sort(Comparator.comparingInt(PartitionLag::partition));
            long lagRecords = partitionLags.stream().mapToLong(PartitionLag::lag).sum();
            double lagSeconds = partitionLags.stream().filter(p -> p.nextRecordAt() != null)
                    .mapToDouble(p -> Math.max(0, Duration.between(p.nextRecordAt(), now).toMillis() / 1000.0))
                    .max().orElse(0);
            boolean stalled = partitionLags.stream().anyMatch(PartitionLag::stalled);
            Instant unchangedSince = partitionLags.stream().filter(p -> p.lag() > 0).map(PartitionLag::unchangedSince)
                    .min(Comparator.naturalOrder()).orElse(null);
            lags.add(new GroupLag(group, topic, state, members(description, topic), lagRecords, lagSeconds, stalled,
                    unchangedSince, List.copyOf(partitionLags)));
        });
        return lags;
    }

    private static List<Member> members(ConsumerGroupDescription description, String topic) {
        if (description == null) {
            return List.of();
        }
        List<Member> members = new ArrayList<>();
        for (MemberDescription member : description.members()) {
            List<Integer> held = member.assignment().topicPartitions().stream()
                    .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition).sorted().toList();
            if (!held.isEmpty()) {
                members.add(new Member(member.clientId(), member.host(), held));
            }
        }
        members.sort(Comparator.comparing(Member::clientId));
        return members;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Retention rarely changes: read it for new topics and every few minutes. */
    private void refreshRetention(Set<String> topicNames, Instant now)
            throws InterruptedException, ExecutionException, TimeoutException {
        boolean stale = Duration.between(retentionReadAt, now).compareTo(CONFIG_REFRESH) > 0;
        Set<String> wanted = stale ? topicNames
                : topicNames.stream().filter(name -> !retention.containsKey(name)).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = wanted.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        configs.forEach((resource, config) -> {
            var entry = config.get(TopicConfig.RETENTION_MS_CONFIG);
            if (entry != null && entry.value() != null) {
                retention.put(resource.name(), Long.parseLong(entry.value()));
            }
        });
        retention.keySet().retainAll(topicNames);
        if (stale) {
            retentionReadAt = now;
        }
    }

    @Override
    public void close() {
        nextRecordTimes.close();
    }

    /** The totals of the sample before, to turn offsets into rates. */
    private record Previous(Instant at, Map<String, Long> written, Map<String, Long> consumed) {

        double rate(Map<String, Long> before, String topic, Long nowTotal, Instant now) {
            Long then = before.get(topic);
            double seconds = Duration.between(at, now).toMillis() / 1000.0;
            if (then == null || nowTotal == null || seconds <= 0) {
                return 0;
            }
            return Math.max(0, nowTotal - then) / seconds;
        }
    }
}
