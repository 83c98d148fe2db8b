package com.leadflow.platform.consumer;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.platform.tracing.Tracing;
import com.leadflow.schemas.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import reactor.core.Exceptions;

/**
 * Applies a whole poll per database transaction (JDBC), for a service's {@link PollHandler}s: one
 * listener reads every topic the service consumes, and a poll's events of each topic go to that
 * topic's handler, the handlers in the order they were declared, all in the poll's one transaction.
 *
 * <p>A poll is screened first, in order: the first record that can never apply (unreadable, no
 * value, a value of another type, or rejected by {@link PollHandler#wants}) ends the part that is
 * applied. That part runs in one transaction that claims its event ids (events applied before
 * are left out; each topic's under its own consumer name) and lets the handlers apply the rest.
 * Then the poll is split: a {@link BatchListenerFailedException} at the unusable record commits the
 * offsets before it, sends it to its topic's dead-letter topic, and has the records after it
 * delivered again.
 *
 * <p>When the transaction fails, the failing record is not known; the events are then applied one
 * per transaction, in the poll's order, until one fails, which splits the poll there: a rejected
 * event is dead-lettered at once, any other failure is retried with backoff from that record on. A
 * poll that fails only as a whole (another instance claimed an event at the same moment, say) is
 * thus applied after all.
 */
final class PollConsumer implements BatchMessageListener<String, Object> {

    private static final LogAccessor LOG = new LogAccessor(PollConsumer.class);

    private final Map<String, Lane<?>> lanes = new LinkedHashMap<>();
    private final IdempotentConsumer idempotent;
    private final Timer polls;
    private final Tracing tracing;
    private final String group;
    private final PollLinger linger;

    /**
     * @param handlers the service's handlers, one per topic, in the order their events are applied
     * @param consumerName the name a topic's event ids are claimed under
     */
    PollConsumer(List<PollHandler<?>> handlers, Function<Topic<?, ?>, String> consumerName, String group,
            IdempotentConsumer idempotent, MeterRegistry meters, Tracing tracing, PollLinger linger) {
        this.linger = linger;
        this.tracing = tracing;
        this.group = group;
        this.idempotent = idempotent;
        for (PollHandler<?> handler : handlers) {
            Lane<?> lane = new Lane<>(handler, consumerName.apply(handler.topic()), meters);
            if (lanes.putIfAbsent(handler.topic().name(), lane) != null) {
                throw new IllegalStateException("Two poll handlers of " + group + " consume " + handler.topic()
                        + "; one handler per topic");
            }
        }
        this.polls = Timer.builder("leadflow.consumer.poll").description("A poll applied, its transaction included")
                .tags(Tags.of("topic", String.join(",", lanes.keySet()), "group", group)).register(meters);
    }

    /** The topics this listener reads, in the order their events are applied. */
    List<String> topics() {
        return List.copyOf(lanes.keySet());
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
        Map<Event<?>, Integer> positions = new IdentityHashMap<>();
        List<Event<?>> inOrder = new ArrayList<>(poll.size());
        RuntimeException unusable = null;
        int stop = poll.size();
        for (int i = 0; i < poll.size() && unusable == null; i++) {
            ConsumerRecord<String, Object> record = poll.get(i);
            Lane<?> lane = lanes.get(record.topic());
            Span span = tracing.consuming(record, lane == null ? group : lane.consumer, group);
            spans.add(span);
            try {
                if (lane == null) {
                    throw new EventRejectedException("The record is from " + record.topic()
                            + ", which this listener does not consume");
                }
                Event<?> event = lane.screen(record, span, spans);
                if (event != null) {
                    inOrder.add(event);
                    positions.put(event, i);
                }
            } catch (RuntimeException failure) {
                // rejected (or unreadable) records go to the dead-letter topic at once, others after retries
                unusable = failure;
                stop = i;
                spans.outcome(span, "rejected");
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                if (lane != null && (failure instanceof EventRejectedException
                        || failure instanceof DeserializationException)) {
                    lane.rejected.increment();
                }
            }
        }
        applyAll(inOrder, positions, spans);
        if (unusable != null) {
            throw new BatchListenerFailedException("Record " + stop + " of the poll cannot be applied", unusable, stop);
        }
    }

    private void applyAll(List<Event<?>> events, Map<Event<?>, Integer> positions, PollSpans spans) {
        if (events.isEmpty()) {
            return;
        }
        List<Event<?>> applied;
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
    private List<Event<?>> oneByOne(List<Event<?>> events, Map<Event<?>, Integer> positions,
            RuntimeException failure, PollSpans spans) {
        if (events.size() == 1) {
            throw failedAt(positions.get(events.get(0)), failure);
        }
        List<Event<?>> applied = new ArrayList<>();
        for (Event<?> event : events) {
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

    /** The events, topic by topic in the handlers' order, in one transaction; returns those applied now. */
    private List<Event<?>> applyInOneTransaction(List<Event<?>> events) {
        Map<Lane<?>, List<Event<?>>> byLane = new LinkedHashMap<>();
        lanes.values().forEach(lane -> byLane.put(lane, new ArrayList<>()));
        for (Event<?> event : events) {
            byLane.get(lanes.get(event.record().topic())).add(event);
        }
        byLane.values().removeIf(List::isEmpty);
        List<Event<?>> fresh;
        try {
            fresh = idempotent.inTransaction(() -> {
                List<Event<?>> now = new ArrayList<>(events.size());
                byLane.forEach((lane, ofLane) -> now.addAll(lane.applyOnce(ofLane)));
                return now;
            });
        } catch (RuntimeException failure) {
            throw Exceptions.unwrap(failure) instanceof RuntimeException cause ? cause : failure;
        }
        // counted once committed: a rolled-back transaction applied nothing
        Set<Event<?>> now = Collections.newSetFromMap(new IdentityHashMap<>());
        now.addAll(fresh);
        byLane.forEach((lane, ofLane) -> lane.count(ofLane, now));
        return fresh;
    }

    /** What follows a commit never fails the poll: the events are applied, whatever the announcement does. */
    private void committed(List<Event<?>> applied) {
        if (applied.isEmpty()) {
            return;
        }
        for (Lane<?> lane : lanes.values()) {
            lane.committed(applied);
        }
    }

    private static Counter events(MeterRegistry meters, Tags tags, String outcome) {
        return Counter.builder("leadflow.consumer.events").description("Events by what became of them")
                .tags(tags.and("outcome", outcome)).register(meters);
    }

    /** One topic's part: its handler, the name its event ids are claimed under, its counters. */
    private final class Lane<V> {

        private final PollHandler<V> handler;
        private final String consumer;
        private final Class<V> valueType;
        private final Counter applied;
        private final Counter repeated;
        private final Counter skipped;
        private final Counter rejected;

        Lane(PollHandler<V> handler, String consumer, MeterRegistry meters) {
            this.handler = handler;
            this.consumer = consumer;
            this.valueType = handler.topic().valueType();
            Tags tags = Tags.of("topic", handler.topic().name(), "group", group, "consumer", consumer);
            this.applied = events(meters, tags, "applied");
            this.repeated = events(meters, tags, "repeated");
            this.skipped = events(meters, tags, "skipped");
            this.rejected = events(meters, tags, "rejected");
        }

        /** The record as an event the handler wants, null when it wants none of it; throws when it can never apply. */
        Event<V> screen(ConsumerRecord<String, Object> record, Span span, PollSpans spans) {
            Event<V> event = read(record, span.getSpanContext());
            if (handler.wants(event)) {
                spans.pending(event, span);
                return event;
            }
            skipped.increment();
            spans.outcome(span, "skipped");
            return null;
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

        /** Claims the events' ids and applies those not applied before, inside the caller's transaction. */
        List<Event<V>> applyOnce(List<Event<?>> events) {
            Map<ConsumerRecord<String, Object>, Event<V>> byRecord = new IdentityHashMap<>();
            List<ConsumerRecord<String, Object>> records = new ArrayList<>(events.size());
            for (Event<?> event : events) {
                Event<V> own = mine(event);
                ConsumerRecord<String, Object> record = uncheckedRecord(own);
                byRecord.put(record, own);
                records.add(record);
            }
            List<ConsumerRecord<String, Object>> fresh = idempotent.applyEachOnce(consumer, records,
                    claimed -> handler.apply(claimed.stream().map(byRecord::get).toList()));
            return fresh.stream().map(byRecord::get).toList();
        }

        void count(List<Event<?>> events, Set<Event<?>> fresh) {
            long now = events.stream().filter(fresh::contains).count();
            repeated.increment(events.size() - now);
            applied.increment(now);
        }

        void committed(List<Event<?>> applied) {
            List<Event<V>> ofLane = new ArrayList<>();
            for (Event<?> event : applied) {
                if (lanes.get(event.record().topic()) == this) {
                    ofLane.add(mine(event));
                }
            }
            if (ofLane.isEmpty()) {
                return;
            }
            try {
                handler.committed(ofLane);
            } catch (RuntimeException failure) {
                LOG.warn(() -> consumer + ": after applying " + ofLane.size() + " event(s) the handler failed ("
                        + failure.getClass().getName() + ")");
            }
        }

        @SuppressWarnings("unchecked")
        private Event<V> mine(Event<?> event) {
            // only events read by this lane (of its topic, checked against its value type) reach it
            return (Event<V>) event;
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, Object> uncheckedRecord(Event<?> event) {
        // every event is read from a record of the poll, whose values are Objects
        return (ConsumerRecord<String, Object>) event.record();
    }
}
