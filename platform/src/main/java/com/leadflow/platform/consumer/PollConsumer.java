package com.leadflow.platform.consumer;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.platform.tracing.Tracing;
import com.leadflow.schemas.Topic;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import reactor.core.Exceptions;

/**
 * Applies a whole poll of one topic per database transaction (JDBC), for one {@link PollHandler}.
 *
 * <p>A poll is screened first, in order: the first record that can never apply (unreadable, no
 * value, a value of another type, or rejected by {@link PollHandler#wants}) ends the part that is
 * applied. That part runs in one transaction that claims its event ids (events applied before
 * are left out) and lets the handler apply the rest. Then the poll is split: a
 * {@link BatchListenerFailedException} at the unusable record commits the offsets before it, sends
 * it to the dead-letter topic, and has the records after it delivered again.
 *
 * <p>When the transaction fails, the failing record is not known; the events are then applied one
 * per transaction until one fails, which splits the poll there: a rejected event is dead-lettered
 * at once, any other failure is retried with backoff from that record on. A poll that fails only
 * as a whole (another instance claimed an event at the same moment, say) is thus applied after all.
 */
final class PollConsumer<V> implements BatchMessageListener<String, Object> {

    private static final LogAccessor LOG = new LogAccessor(PollConsumer.class);

    private final PollHandler<V> handler;
    private final String consumer;
    private final IdempotentConsumer idempotent;
    private final Class<V> valueType;
    private final Timer polls;
    private final Counter applied;
    private final Counter repeated;
    private final Counter skipped;
    private final Counter rejected;
    private final Tracing tracing;
    private final String group;
    private final Topic<String, V> topic;
    private final PollLinger linger;

    PollConsumer(PollHandler<V> handler, String consumer, String group, IdempotentConsumer idempotent,
            MeterRegistry meters, Tracing tracing, PollLinger linger) {
        this.linger = linger;
        this.tracing = tracing;
        this.group = group;
        this.handler = handler;
        this.topic = handler.topic();
        Topic<String, V> topic = this.topic;
        this.consumer = consumer;
        this.idempotent = idempotent;
        this.valueType = topic.valueType();
        Tags tags = Tags.of("topic", topic.name(), "group", group, "consumer", consumer);
        this.polls = Timer.builder("leadflow.consumer.poll").description("A poll applied, its transaction included")
                .tags(tags).register(meters);
        this.applied = events(meters, tags, "applied");
        this.repeated = events(meters, tags, "repeated");
        this.skipped = events(meters, tags, "skipped");
        this.rejected = events(meters, tags, "rejected");
    }

    private static Counter events(MeterRegistry meters, Tags tags, String outcome) {
        return Counter.builder("leadflow.consumer.events").description("Events by what became of them")
                .tags(tags.and("outcome", outcome)).register(meters);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, Object>> poll) {
        polls.record(() -> consume(poll));
        // after the commit and the offsets' acknowledgement are settled: a failed poll never lingers
        linger.after(poll.size());
    }

    /**
     * Every record of the poll gets a span ({@code <topic> process}, the child of its
     * {@code traceparent}) from the poll's arrival until its outcome: applied once the transaction
     * committed, repeated, skipped, or failed. The poll is applied as one, so a lead's span shows how
     * long that lead waited in this consumer, poll included; a span per poll would not be part of any
     * one lead's trace.
     */
    private void consume(List<ConsumerRecord<String, Object>> poll) {
        PollSpans spans = new PollSpans();
        try {
            consume(poll, spans);
        } catch (RuntimeException failure) {
            spans.failed(failure);
            throw failure;
        } finally {
            spans.end();
        }
    }

    private void consume(List<ConsumerRecord<String, Object>> poll, PollSpans spans) {
        List<Event<V>> events = new ArrayList<>(poll.size());
        Map<Event<V>, Integer> positions = new IdentityHashMap<>();
        RuntimeException unusable = null;
        int stop = poll.size();
        for (int i = 0; i < poll.size() && unusable == null; i++) {
            ConsumerRecord<String, Object> record = poll.get(i);
            Span span = tracing.consuming(record, consumer, group);
            spans.add(span);
            try {
                Event<V> event = read(record, span.getSpanContext());
                if (handler.wants(event)) {
                    events.add(event);
                    positions.put(event, i);
                    spans.pending(event, span);
                } else {
                    skipped.increment();
                    spans.outcome(span, "skipped");
                }
            } catch (RuntimeException failure) {
                // rejected (or unreadable) records go to the dead-letter topic at once, others after retries
                unusable = failure;
                stop = i;
                spans.outcome(span, "rejected");
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
        }
        applyAll(events, positions, spans);
        if (unusable != null) {
            if (unusable instanceof EventRejectedException || unusable instanceof DeserializationException) {
                rejected.increment();
            }
            throw new BatchListenerFailedException("Record " + stop + " of the poll cannot be applied", unusable, stop);
        }
    }

    /** The record as an event, or why it can never be one. */
    private Event<V> read(ConsumerRecord<String, Object> record, SpanContext span) {
        var unreadable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (unreadable != null) {
            throw unreadable;
        }
        Object value = record.value();
        if (value == null) {
            throw new EventRejectedException("The record has no value (a tombstone); " + handler.topic().name()
                    + " carries " + valueType.getSimpleName() + " events");
        }
        if (!valueType.isInstance(value)) {
            throw new EventRejectedException("The value is not a " + valueType.getSimpleName() + " event but a "
                    + value.getClass().getSimpleName());
        }
        String correlationId = Correlation.acceptOrCreate(
                EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID).orElse(null));
        return new Event<>(record.key(), valueType.cast(value), IdempotentConsumer.eventId(record), correlationId,
                record, span);
    }

    private void applyAll(List<Event<V>> events, Map<Event<V>, Integer> positions, PollSpans spans) {
        if (events.isEmpty()) {
            return;
        }
        List<Event<V>> applied;
        try {
            applied = applyInOneTransaction(events);
        } catch (RuntimeException failure) {
            applied = oneByOne(events, positions, failure, spans);
        }
        spans.applied(applied);
        spans.restRepeated();
        committed(applied);
    }

    /**
     * Applies the events one per transaction after their poll failed as a whole, to find the one
     * that fails; the poll is split there. Returns the applied events when none fails alone.
     */
    private List<Event<V>> oneByOne(List<Event<V>> events, Map<Event<V>, Integer> positions, RuntimeException failure,
            PollSpans spans) {
        if (events.size() == 1) {
            throw failedAt(positions.get(events.get(0)), failure);
        }
        List<Event<V>> applied = new ArrayList<>();
        for (Event<V> event : events) {
            try {
                applied.addAll(applyInOneTransaction(List.of(event)));
            } catch (RuntimeException alone) {
                spans.applied(applied);
                committed(applied);
                throw failedAt(positions.get(event), alone);
            }
        }
        return applied;
    }

    private static BatchListenerFailedException failedAt(int position, RuntimeException failure) {
        return new BatchListenerFailedException("Record " + position + " of the poll failed", failure, position);
    }

    private List<Event<V>> applyInOneTransaction(List<Event<V>> events) {
        Map<ConsumerRecord<String, Object>, Event<V>> byRecord = new IdentityHashMap<>();
        List<ConsumerRecord<String, Object>> records = new ArrayList<>(events.size());
        for (Event<V> event : events) {
            ConsumerRecord<String, Object> record = uncheckedRecord(event);
            byRecord.put(record, event);
            records.add(record);
        }
        List<ConsumerRecord<String, Object>> fresh;
        try {
            fresh = idempotent.applyEachOnce(consumer, records,
                    claimed -> handler.apply(claimed.stream().map(byRecord::get).toList()));
        } catch (RuntimeException failure) {
            throw Exceptions.unwrap(failure) instanceof RuntimeException cause ? cause : failure;
        }
        repeated.increment(events.size() - fresh.size());
        applied.increment(fresh.size());
        return fresh.stream().map(byRecord::get).toList();
    }

    /** What follows a commit never fails the poll: the events are applied, whatever the announcement does. */
    private void committed(List<Event<V>> applied) {
        if (applied.isEmpty()) {
            return;
        }
        try {
            handler.committed(applied);
        } catch (RuntimeException failure) {
            LOG.warn(() -> consumer + ": after applying " + applied.size() + " event(s) the handler failed ("
                    + failure.getClass().getName() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, Object> uncheckedRecord(Event<?> event) {
        // every event is read from a record of the poll, whose values are Objects
        return (ConsumerRecord<String, Object>) event.record();
    }
}
