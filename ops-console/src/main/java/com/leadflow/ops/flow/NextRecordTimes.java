package com.leadflow.ops.flow;

import com.leadflow.ops.kafka.KafkaAccess;
import com.leadflow.ops.kafka.ValueFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The timestamp of the record at a given offset: for a group with lag, the next record it will
 * read, so "lag in seconds" is now minus that. Read with the console's own group-less consumer,
 * which sees the value only as {@link ValueFacts}. A committed offset that has not moved is
 * looked up once: answers are remembered until the offset is no longer asked for.
 */
final class NextRecordTimes implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MAX_POLLS = 10;

    private final KafkaAccess kafka;
    private final Map<Position, Instant> known = new HashMap<>();
    private KafkaConsumer<String, ValueFacts> consumer;

    NextRecordTimes(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** The timestamps of the records at {@code positions}; a position not found (yet) is left out. */
    Map<Position, Instant> lookUp(Set<Position> positions) {
        known.keySet().retainAll(positions);
        List<Position> missing = positions.stream().filter(position -> !known.containsKey(position)).toList();
        // one seek per partition and round; several groups behind on one partition take several rounds
        List<Position> remaining = new ArrayList<>(missing);
        while (!remaining.isEmpty()) {
            Map<TopicPartition, Position> round = new HashMap<>();
            for (Position position : remaining) {
                round.putIfAbsent(position.partition(), position);
            }
            remaining.removeAll(round.values());
            known.putAll(read(round));
        }
        Map<Position, Instant> answer = new HashMap<>();
        positions.forEach(position -> {
            Instant at = known.get(position);
            if (at != null) {
                answer.put(position, at);
            }
        });
        return answer;
    }

    private Map<Position, Instant> read(Map<TopicPartition, Position> wanted) {
        KafkaConsumer<String, ValueFacts> reader = consumer();
        reader.assign(wanted.keySet());
        wanted.forEach((partition, position) -> reader.seek(partition, position.offset()));
        Map<Position, Instant> found = new HashMap<>();
        Set<TopicPartition> open = new HashSet<>(wanted.keySet());
        for (int poll = 0; poll < MAX_POLLS && !open.isEmpty(); poll++) {
            for (ConsumerRecord<String, ValueFacts> record : reader.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Position position = wanted.get(partition);
                // the first record at or after the offset (a transaction marker has no record of its own)
                if (open.contains(partition) && record.offset() >= position.offset()) {
                    found.put(position, Instant.ofEpochMilli(record.timestamp()));
                    open.remove(partition);
                    reader.pause(List.of(partition));
                }
            }
        }
        reader.assign(List.of());
        return found;
    }

    private KafkaConsumer<String, ValueFacts> consumer() {
        if (consumer == null) {
            consumer = kafka.metadataConsumer();
        }
        return consumer;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
            consumer = null;
        }
    }

    /** An offset on a partition. */
    record Position(TopicPartition partition, long offset) {
    }
}
