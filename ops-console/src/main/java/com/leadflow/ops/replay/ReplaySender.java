package com.leadflow.ops.replay;

import com.leadflow.ops.deadletter.DeadLetter.Coordinates;
import com.leadflow.ops.kafka.KafkaAccess;
import com.leadflow.ops.replay.ReplayOutcome.Result;
import com.leadflow.ops.replay.ReplayPlan.Action;
import com.leadflow.ops.replay.ReplayPlan.Item;
import com.leadflow.platform.id.TimeOrderedUuid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends dead letters back to their original topics: the same key and value bytes, the original
 * headers (event id and correlation id among them) without the dead-letter ones, plus who
 * replayed it, which dead letter it was and its replay count. The value's bytes pass through
 * memory here and nowhere else; they are never decoded, logged or returned.
 */
public class ReplaySender {

    private static final Logger log = LoggerFactory.getLogger(ReplaySender.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaAccess kafka;
    private final ReplayAudit audit;
    private final Supplier<Set<String>> existingTopics;
    private final Clock clock;
    private KafkaProducer<byte[], byte[]> producer;

    public ReplaySender(KafkaAccess kafka, ReplayAudit audit, Supplier<Set<String>> existingTopics, Clock clock) {
        this.kafka = kafka;
        this.audit = audit;
        this.existingTopics = existingTopics;
        this.clock = clock;
    }

    /** One replay at a time: two at once could both pass the cap. */
    public synchronized ReplayOutcome send(List<Item> items, String reason, String actor, String selection,
            String correlationId) {
        UUID replayId = TimeOrderedUuid.next();
        Instant requestedAt = clock.instant();
        audit.started(replayId, requestedAt, actor, reason, selection, items.size(), correlationId).block();
        List<ReplayOutcome.Item> done = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader = kafka.rawConsumer()) {
            for (Item item : items) {
                ReplayOutcome.Item outcome = handle(item, actor, reader);
                audit.handled(replayId, actor, outcome).block();
                done.add(outcome);
            }
        }
        int replayed = count(done, Result.REPLAYED);
        int parked = count(done, Result.PARKED);
        int failed = count(done, Result.FAILED);
        String result = failed == 0 ? (replayed == 0 ? "PARKED" : "DONE") : (replayed == 0 ? "FAILED" : "PARTLY_FAILED");
        Instant finishedAt = clock.instant();
        audit.finished(replayId, finishedAt, replayed, parked, failed, result).block();
        log.info("Replay {} by {}: {} replayed, {} parked, {} failed", replayId, actor, replayed, parked, failed);
        return new ReplayOutcome(replayId, requestedAt, finishedAt, actor, reason, selection, replayed, parked, failed,
                result, List.copyOf(done));
    }

    private ReplayOutcome.Item handle(Item item, String actor, KafkaConsumer<byte[], byte[]> reader) {
        if (item.action() == Action.PARK) {
            return outcome(item, Result.PARKED, null, item.note());
        }
        if (!existingTopics.get().contains(item.originalTopic())) {
            return outcome(item, Result.FAILED, null, "The original topic does not exist on the broker");
        }
        Optional<ConsumerRecord<byte[], byte[]>> original = read(reader, item.deadLetter());
        if (original.isEmpty()) {
            return outcome(item, Result.FAILED, null, "The dead letter is no longer on its topic (retention?)");
        }
        ConsumerRecord<byte[], byte[]> deadLetter = original.get();
        var headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!ReplayHeaders.isDeadLetterHeader(header.key()) && !header.key().startsWith("leadflow-replay")) {
                headers.add(header);
            }
        }
        headers.add(ReplayHeaders.REPLAYED_BY, actor.getBytes(StandardCharsets.UTF_8));
        headers.add(ReplayHeaders.REPLAY_OF, item.deadLetter().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(ReplayHeaders.REPLAY_COUNT, Integer.toString(item.replayCount()).getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(item.originalTopic(), null, deadLetter.key(), deadLetter.value(), headers);
        try {
            RecordMetadata sent = producer().send(record).get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return outcome(item, Result.REPLAYED, sent, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(item, Result.FAILED, null, "Interrupted while sending");
        } catch (Exception e) {
            return outcome(item, Result.FAILED, null, "The broker did not acknowledge it ("
                    + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")");
        }
    }

    private static Optional<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> reader,
            Coordinates at) {
        TopicPartition partition = new TopicPartition(at.topic(), at.partition());
        reader.assign(List.of(partition));
        reader.seek(partition, at.offset());
        for (int poll = 0; poll < 10; poll++) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(300))) {
                if (record.offset() == at.offset()) {
                    return Optional.of(record);
                }
                if (record.offset() > at.offset()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static ReplayOutcome.Item outcome(Item item, Result result, RecordMetadata sent, String note) {
        return new ReplayOutcome.Item(item.deadLetter(), item.leadId(), item.eventId(), item.originalTopic(),
                item.replayCount(), result, sent == null ? null : sent.partition(), sent == null ? null : sent.offset(),
                note);
    }

    private static int count(List<ReplayOutcome.Item> items, Result result) {
        return (int) items.stream().filter(item -> item.result() == result).count();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = kafka.rawProducer();
        }
        return producer;
    }

    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
