package com.leadflow.platform.tracing;

import com.leadflow.platform.kafka.EventHeaders;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context as one {@code traceparent} value ({@code 00-<trace id>-<span id>-<flags>}):
 * the HTTP header a caller may send, the header on every Kafka record and the outbox column that
 * keeps it between a commit and the relay's publish. Only version 00's shape is accepted, so a
 * header cannot carry anything else into logs; {@code tracestate} is not carried.
 */
public final class TraceParent {

    /** The HTTP and Kafka header name (W3C Trace Context). */
    public static final String HEADER = "traceparent";
    private static final Pattern SHAPE = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceParent() {
    }

    /** The context a {@code traceparent} value names, or an invalid one when the value is absent or malformed. */
    public static SpanContext parse(String value) {
        if (value == null || value.length() != 55 || !SHAPE.matcher(value).matches()) {
            return SpanContext.getInvalid();
        }
        return SpanContext.createFromRemoteParent(value.substring(3, 35), value.substring(36, 52),
                TraceFlags.fromHex(value, 53), TraceState.getDefault());
    }

    /** The {@code traceparent} value of a context, or null for an invalid one (no trace). */
    public static String format(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The context a Kafka record's {@code traceparent} header names. */
    public static SpanContext of(Headers headers) {
        return parse(EventHeaders.read(headers, HEADER).orElse(null));
    }
}
