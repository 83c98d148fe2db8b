package com.leadflow.ops.deadletter;

import com.leadflow.ops.replay.ReplayHeaders;
import com.leadflow.platform.kafka.EventHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers the console shows, and only those: an allow-list, because a header written by a
 * library (a deserializer's exception, say) may quote the value it choked on. Spring's numeric
 * dead-letter headers are binary and shown as numbers.
 */
public final class DeadLetterHeaders {

    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
    public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_CAUSE_CLASS = "kafka_dlt-exception-cause-fqcn";

    private static final List<String> TEXT = List.of(EventHeaders.EVENT_ID, EventHeaders.CORRELATION_ID,
            EventHeaders.EVENT_TYPE, EventHeaders.SOURCE, EventHeaders.DLT_REASON, ORIGINAL_TOPIC, ORIGINAL_GROUP, EXCEPTION_CLASS,
            EXCEPTION_CAUSE_CLASS, ReplayHeaders.REPLAYED_BY, ReplayHeaders.REPLAY_OF, ReplayHeaders.REPLAY_COUNT);
    private static final List<String> NUMBERS = List.of(ORIGINAL_PARTITION, ORIGINAL_OFFSET);

    private DeadLetterHeaders() {
    }

    /** The allow-listed headers as text, in a stable order. */
    public static Map<String, String> shown(Headers headers) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : TEXT) {
            text(headers, name).ifPresent(value -> shown.put(name, value));
        }
        for (String name : NUMBERS) {
            number(headers, name).ifPresent(value -> shown.put(name, Long.toString(value)));
        }
        number(headers, ORIGINAL_TIMESTAMP).ifPresent(ms -> shown.put(ORIGINAL_TIMESTAMP, Instant.ofEpochMilli(ms).toString()));
        return shown;
    }

    public static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        // header values are short texts; anything long is not ours to show
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return Optional.of(value.length() > 300 ? value.substring(0, 300) + "…" : value);
    }

    /** Spring writes partitions as 4-byte and offsets and timestamps as 8-byte big-endian numbers. */
    static Optional<Long> number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        byte[] value = header.value();
        return switch (value.length) {
            case 4 -> Optional.of((long) ByteBuffer.wrap(value).getInt());
            case 8 -> Optional.of(ByteBuffer.wrap(value).getLong());
            default -> Optional.empty();
        };
    }

    /** The replay count a record carries (0 when it was never replayed). */
    public static int replayCount(Headers headers) {
        return text(headers, ReplayHeaders.REPLAY_COUNT).map(count -> {
            try {
                return Integer.parseInt(count.trim());
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }).orElse(0);
    }
}
