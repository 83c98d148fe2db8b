package com.leadflow.ops.flow;

import com.leadflow.ops.flow.RateHistory.RatePoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the broker said at one sample: every topic with its rates and history, every group's
 * position on it. Immutable; the page and the gauges read the latest one.
 */
public record FlowSnapshot(Instant sampledAt, List<TopicFlow> topics, List<GroupLag> groups) {

    public static FlowSnapshot empty() {
        return new FlowSnapshot(null, List.of(), List.of());
    }

    public Optional<TopicFlow> topic(String name) {
        return topics.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** Each group's committed offset on one partition, for "has it read past this record?". */
    public Map<String, Long> committedOn(String topic, int partition) {
        var committed = new java.util.TreeMap<String, Long>();
        for (GroupLag group : groups) {
            if (group.topic().equals(topic)) {
                group.partitions().stream().filter(p -> p.partition() == partition)
                        .forEach(p -> committed.put(group.group(), p.committed()));
            }
        }
        return committed;
    }

    /**
     * @param retentionMs how long records are kept (-1: forever), or null when not known yet
     * @param records records held now (end minus start offsets)
     */
    public record TopicFlow(String name, int partitions, long records, double inPerSecond, double outPerSecond,
            Long retentionMs, boolean deadLetterTopic, List<RatePoint> history) {
    }

    /**
     * One consumer group on one topic.
     *
     * @param lagRecords records it still has to read, over all partitions
     * @param lagSeconds now minus the timestamp of the oldest record it has yet to read (0 without lag)
     * @param stalled lag, and no committed offset moved for the stall time
     * @param members the group's members that hold partitions of this topic
     */
    public record GroupLag(String group, String topic, String state, List<Member> members, long lagRecords,
            double lagSeconds, boolean stalled, Instant unchangedSince, List<PartitionLag> partitions) {
    }

    public record Member(String clientId, String host, List<Integer> partitions) {
    }

    /**
     * @param nextRecordAt timestamp of the next record the group will read, null without lag
     * @param unchangedSince since when the committed offset has had its current value
     */
    public record PartitionLag(int partition, long committed, long end, long lag, Instant nextRecordAt,
            Instant unchangedSince, boolean stalled) {
    }
}
