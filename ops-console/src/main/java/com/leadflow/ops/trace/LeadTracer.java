package com.leadflow.ops.trace;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.deadletter.DeadLetterHeaders;
import com.leadflow.ops.flow.FlowSampler;
import com.leadflow.ops.flow.FlowSnapshot;
import com.leadflow.ops.kafka.KafkaAccess;
import com.leadflow.ops.kafka.ValueFacts;
import com.leadflow.ops.trace.LeadTrace.Step;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.tracing.TraceParent;
import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Finds one lead's records. Keys are lead ids, so the lead lives on one partition of each topic:
 * the one Kafka's default partitioner picks for the key (murmur2 of its bytes). Only that
 * partition is read, from the first offset at the window's start ({@code offsetsForTimes}) to
 * the window's end, so a trace costs one partition's worth of the window per topic.
 */
public class LeadTracer {

    private static final Pattern LEAD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Duration POLL = Duration.ofMillis(300);

    private final KafkaAccess kafka;
    private final OpsProperties.Trace limits;
    private final Supplier<FlowSnapshot> flow;
    private final Clock clock;

    public LeadTracer(KafkaAccess kafka, OpsProperties properties, Supplier<FlowSnapshot> flow, Clock clock) {
        this.kafka = kafka;
        this.limits = properties.trace();
        this.flow = flow;
        this.clock = clock;
    }

    public LeadTrace trace(String leadId, Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(limits.defaultWindow()) : from;
        validate(leadId, start, end);
        FlowSnapshot snapshot = flow.get();
        Map<String, String> writers = new LinkedHashMap<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            writers.put(topic.name(), topic.writer());
            writers.put(topic.deadLetterTopic(), "dead letter of " + topic.name());
        }
        snapshot.topics().stream().filter(topic -> FlowSampler.isDeadLetterTopic(topic.name()))
                .forEach(topic -> writers.putIfAbsent(topic.name(), "dead letter"));
        byte[] key = leadId.getBytes(StandardCharsets.UTF_8);
        List<Step> steps = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        Set<String> truncated = new TreeSet<>();
        try (KafkaConsumer<String, ValueFacts> reader = kafka.metadataConsumer()) {
            for (var writer : writers.entrySet()) {
                Integer partitions = snapshot.topic(writer.getKey()).map(FlowSnapshot.TopicFlow::partitions)
                        .orElseGet(() -> partitionCount(reader, writer.getKey()));
                if (partitions == null || partitions == 0) {
                    continue;
                }
                int partition = partitionFor(key, partitions);
                TopicPartition tp = new TopicPartition(writer.getKey(), partition);
                scanned.add(tp.toString());
                scan(reader, tp, leadId, start, end, writer.getValue(), snapshot, steps, truncated);
            }
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(Step::topic).thenComparingLong(Step::offset));
        return new LeadTrace(leadId, start, end, List.copyOf(steps), List.copyOf(scanned), List.copyOf(truncated));
    }

    /** Kafka's default partitioner for a keyed record. */
    public static int partitionFor(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    private void scan(KafkaConsumer<String, ValueFacts> reader, TopicPartition tp, String leadId, Instant start,
            Instant end, String writer, FlowSnapshot snapshot, List<Step> steps, Set<String> truncated) {
        reader.assign(List.of(tp));
        Map<TopicPartition, OffsetAndTimestamp> first = reader.offsetsForTimes(Map.of(tp, start.toEpochMilli()));
        if (first.get(tp) == null) {
            return;
        }
        OffsetAndTimestamp last = reader.offsetsForTimes(Map.of(tp, end.toEpochMilli() + 1)).get(tp);
        long stop = last == null ? reader.endOffsets(List.of(tp)).get(tp) : last.offset();
        reader.seek(tp, first.get(tp).offset());
        Map<String, Long> committed = snapshot.committedOn(tp.topic(), tp.partition());
        int read = 0;
        int idle = 0;
        while (reader.position(tp) < stop && idle < 5) {
            var records = reader.poll(POLL);
            idle = records.isEmpty() ? idle + 1 : 0;
            for (ConsumerRecord<String, ValueFacts> record : records) {
                if (record.offset() >= stop) {
                    break;
                }
                if (leadId.equals(record.key())) {
                    steps.add(step(record, writer, committed));
                }
            }
            read += records.count();
            if (read >= limits.maxRecordsPerPartition()) {
                truncated.add(tp.toString());
                break;
            }
        }
    }

    private static Step step(ConsumerRecord<String, ValueFacts> record, String writer, Map<String, Long> committed) {
        var headers = record.headers();
        Map<String, Boolean> groups = new LinkedHashMap<>();
        committed.forEach((group, offset) -> groups.put(group, offset > record.offset()));
        boolean deadLetter = FlowSampler.isDeadLetterTopic(record.topic());
        return new Step(Instant.ofEpochMilli(record.timestamp()), record.topic(), record.partition(), record.offset(),
                EventHeaders.read(headers, EventHeaders.EVENT_TYPE).orElse(null),
                DeadLetterHeaders.text(headers, EventHeaders.SOURCE).orElse(writer),
                DeadLetterHeaders.text(headers, EventHeaders.EVENT_ID).orElse(null),
                DeadLetterHeaders.text(headers, EventHeaders.CORRELATION_ID).orElse(null),
                traceId(headers),
                groups,
                deadLetter ? DeadLetterHeaders.text(headers, EventHeaders.DLT_REASON).orElse(null) : null,
                deadLetter ? DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_GROUP).orElse(null) : null);
    }

    private static String traceId(org.apache.kafka.common.header.Headers headers) {
        var context = TraceParent.of(headers);
        return context.isValid() ? context.getTraceId() : null;
    }

    private static Integer partitionCount(KafkaConsumer<String, ValueFacts> reader, String topic) {
        try {
            var info = reader.partitionsFor(topic, Duration.ofSeconds(2));
            return info == null ? null : info.size();
        } catch (RuntimeException absent) {
            return null;
        }
    }

    private void validate(String leadId, Instant start, Instant end) {
        List<FieldViolation> problems = new ArrayList<>();
        if (leadId == null || leadId.isBlank()) {
            problems.add(new FieldViolation("leadId", "required", "Enter a lead id."));
        } else if (!LEAD_ID.matcher(leadId).matches()) {
            problems.add(new FieldViolation("leadId", "format",
                    "A lead id is up to 200 letters, digits, dots, colons, dashes or underscores."));
        }
        if (!start.isBefore(end)) {
            problems.add(new FieldViolation("from", "before-to", "The window must start before it ends."));
        } else if (Duration.between(start, end).compareTo(limits.maxWindow()) > 0) {
            problems.add(new FieldViolation("from", "max-window",
                    "The window may span at most " + limits.maxWindow().toDays() + " days."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
