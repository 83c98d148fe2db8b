package com.leadflow.platform.tracing;

import com.leadflow.platform.kafka.EventHeaders;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
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

    private TraceParent() {
    }

    /** The context a {@code traceparent} value names, or an invalid one when the value is absent or malformed. */
    public static SpanContext parse(String value) {
        if (!wellFormed(value)) {
            return SpanContext.getInvalid();
        }
        return SpanContext.createFromRemoteParent(value.substring(3, 35), value.substring(36, 52),
                TraceFlags.fromHex(value, 53), TraceState.getDefault());
    }

    /** {@code 00-<32 hex>-<16 hex>-<2 hex>}, lower case; checked by hand, as a regular expression costs more than the rest. */
    private static boolean wellFormed(String value) {
        if (value == null || value.length() != 55 || value.charAt(0) != '0' || value.charAt(1) != '0'
                || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        for (int i = 3; i < 55; i++) {
            char c = value.charAt(i);
            if (i != 35 && i != 52 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
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
