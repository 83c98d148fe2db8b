package com.leadflow.platform.consumer;

import com.leadflow.platform.correlation.Correlation;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * One readable event of a poll, as a {@link PollHandler} sees it: the value has the topic's type,
 * and the event and correlation ids are read from its headers once.
 *
 * @param key the record key (a lead id on every lead topic)
 * @param value the event, never null
 * @param eventId the producer's event id, which the event is applied once by
 * @param correlationId the id of the request that caused the event, carried on by what it causes
 * @param record the record as it came from Kafka, for the rare handler that needs its headers
 * @param span the context of the consumer's span applying this event (the child of the record's
 *     {@code traceparent}); the events its work records continue the trace from there
 */
public record Event<V>(String key, V value, String eventId, String correlationId, ConsumerRecord<String, ?> record,
        SpanContext span) {

    /** Runs {@code action} with this event's correlation id and trace id in the logging MDC of the current thread. */
    public void withMdc(Runnable action) {
        String before = MDC.get(Correlation.MDC_KEY);
        String traceBefore = MDC.get(Correlation.TRACE_MDC_KEY);
        MDC.put(Correlation.MDC_KEY, correlationId);
        put(Correlation.TRACE_MDC_KEY, span != null && span.isValid() ? span.getTraceId() : null);
        try {
            action.run();
        } finally {
            put(Correlation.MDC_KEY, before);
            put(Correlation.TRACE_MDC_KEY, traceBefore);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /**
     * Applies {@code work} to each event in turn on this thread, each with its own correlation id and
     * trace id in the logging MDC. For blocking handlers ({@link PollHandler}) that write one event at a
     * time within the poll's transaction; the events they record name their cause
     * ({@link com.leadflow.platform.outbox.Outbox#add(Event, com.leadflow.schemas.Topic, String,
     * org.apache.avro.specific.SpecificRecord)}).
     */
    public static <V> void each(List<Event<V>> events, Consumer<Event<V>> work) {
        for (Event<V> event : events) {
            event.withMdc(() -> work.accept(event));
        }
    }
}
