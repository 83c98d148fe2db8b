package com.leadflow.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The headers every leadflow event carries, whoever wrote it. */
public final class EventHeaders {

    /** A UUID unique to the event; consumers apply each event id once. */
    public static final String EVENT_ID = "leadflow-event-id";
    /** The id of the HTTP request (or first event) that caused this event, carried on by every event it leads to. */
    public static final String CORRELATION_ID = "leadflow-correlation-id";
    /** The Avro record name of the value, for tools that read topics without the registry. */
    public static final String EVENT_TYPE = "leadflow-event-type";
    /** The service that published the event (its {@code spring.application.name}), for tools that trace a lead. */
    public static final String SOURCE = "leadflow-source";
    /** Why a record ended on a dead-letter topic, in words free of patient data. */
    public static final String DLT_REASON = "leadflow-dlt-reason";

    private EventHeaders() {
    }

    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    public static void write(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
