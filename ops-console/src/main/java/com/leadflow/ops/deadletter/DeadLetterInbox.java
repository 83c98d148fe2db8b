package com.leadflow.ops.deadletter;

import com.leadflow.ops.deadletter.DeadLetter.Coordinates;
import com.leadflow.ops.flow.FlowSampler;
import com.leadflow.ops.kafka.KafkaAccess;
import com.leadflow.ops.kafka.ValueFacts;
import com.leadflow.platform.kafka.EventHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * Every dead letter on every dead-letter topic, as metadata. Read incrementally on the sampler
 * thread: only what arrived since the last sample is fetched, and records the broker has since
 * deleted (retention) are dropped. At most {@link #MAX_KEPT} are held; beyond that the oldest go.
 */
public class DeadLetterInbox implements AutoCloseable {

    static final int MAX_KEPT = 20_000;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Admin admin;
    private final KafkaAccess kafka;
    private final Map<TopicPartition, TreeMap<Long, DeadLetter>> byPartition = new HashMap<>();
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();
    private volatile List<DeadLetter> all = List.of();
    private KafkaConsumer<String, ValueFacts> consumer;

    public DeadLetterInbox(Admin admin, KafkaAccess kafka) {
        this.admin = admin;
        this.kafka = kafka;
    }

    /** Every dead letter known, oldest first. */
    public List<DeadLetter> all() {
        return all;
    }

    /** Looks in the published list: callers are request threads, not the sampler's. */
    public Optional<DeadLetter> find(Coordinates coordinates) {
        return all.stream().filter(letter -> letter.coordinates().equals(coordinates)).findFirst();
    }

    /** Reads what is new on the dead-letter topics among {@code topics}, with their partition counts. */
    public void refresh(Map<String, Integer> topics) throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach((topic, count) -> {
            if (FlowSampler.isDeadLetterTopic(topic)) {
                for (int p = 0; p < count; p++) {
                    partitions.add(new TopicPartition(topic, p));
                }
            }
        });
        byPartition.keySet().retainAll(partitions);
        readUpTo.keySet().retainAll(partitions);
        if (partitions.isEmpty()) {
            publish();
            return;
        }
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> toRead = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long start = starts.get(tp);
            TreeMap<Long, DeadLetter> kept = byPartition.computeIfAbsent(tp, p -> new TreeMap<>());
            kept.headMap(start).clear();
            long from = Math.max(start, readUpTo.getOrDefault(tp, start));
            if (from < ends.get(tp)) {
                toRead.put(tp, from);
            } else {
                readUpTo.put(tp, Math.max(from, ends.get(tp)));
            }
        }
        if (!toRead.isEmpty()) {
            read(toRead, ends);
        }
        publish();
    }

    private void read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        KafkaConsumer<String, ValueFacts> reader = consumer();
        reader.assign(from.keySet());
        from.forEach(reader::seek);
        Map<TopicPartition, Long> open = new HashMap<>(from);
        int idlePolls = 0;
        while (!open.isEmpty() && idlePolls < 5) {
            var records = reader.poll(POLL);
            idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
            for (ConsumerRecord<String, ValueFacts> record : records) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                byPartition.get(tp).put(record.offset(), toDeadLetter(record));
            }
            for (TopicPartition tp : List.copyOf(open.keySet())) {
                long position = reader.position(tp);
                readUpTo.put(tp, position);
                if (position >= ends.get(tp)) {
                    open.remove(tp);
                }
            }
        }
        reader.assign(List.of());
    }

    static DeadLetter toDeadLetter(ConsumerRecord<String, ValueFacts> record) {
        Headers headers = record.headers();
        ValueFacts value = record.value() == null ? new ValueFacts(0, null) : record.value();
        String originalTopic = DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_TOPIC)
                .orElse(record.topic().replaceAll("[.-]dlt$", ""));
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), originalTopic,
                DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_GROUP).orElse("unknown"),
                DeadLetterHeaders.text(headers, EventHeaders.DLT_REASON).orElse("No reason recorded"),
                DeadLetterHeaders.text(headers, EventHeaders.EVENT_TYPE).orElse(null),
                DeadLetterHeaders.text(headers, EventHeaders.EVENT_ID).orElse(null),
                DeadLetterHeaders.text(headers, EventHeaders.CORRELATION_ID).orElse(null),
                value.schemaId(), value.size(), DeadLetterHeaders.replayCount(headers),
                DeadLetterHeaders.shown(headers));
    }

    private void publish() {
        List<DeadLetter> letters = new ArrayList<>();
        for (TreeMap<Long, DeadLetter> kept : byPartition.values()) {
            letters.addAll(kept.values());
        }
        letters.sort(Comparator.comparing(DeadLetter::at).thenComparing(DeadLetter::topic)
                .thenComparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
        if (letters.size() > MAX_KEPT) {
            for (DeadLetter dropped : letters.subList(0, letters.size() - MAX_KEPT)) {
                byPartition.get(new TopicPartition(dropped.topic(), dropped.partition())).remove(dropped.offset());
            }
            letters = new ArrayList<>(letters.subList(letters.size() - MAX_KEPT, letters.size()));
        }
        all = List.copyOf(letters);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
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
        }
    }
}
