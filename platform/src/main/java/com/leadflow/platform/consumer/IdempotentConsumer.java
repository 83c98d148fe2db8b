package com.leadflow.platform.consumer;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.kafka.EventHeaders;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies each event once. The event's id is recorded in the same transaction as the change the
 * event causes (and the events that change emits through the outbox): a redelivered event finds
 * its id already there and changes nothing; a failed one leaves no id behind and is retried.
 *
 * <p>The event's correlation id is put in the Reactor context of the work, so the events it
 * records carry it on, and in the logging MDC of the listener thread.
 */
public class IdempotentConsumer {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Runs {@code work} in a transaction unless {@code consumer} already applied this record's event.
     *
     * @return true when the work ran, false when the event had been applied before
     */
    public Mono<Boolean> applyOnce(String consumer, ConsumerRecord<?, ?> record, Supplier<Mono<?>> work) {
        String eventId = eventId(record);
        String correlationId = Correlation.acceptOrCreate(
                EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID).orElse(null));
        Mono<Boolean> once = db.sql("insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.just(false)
                        : Mono.defer(work).then(Mono.just(true)));
        return tx.transactional(once).contextWrite(context -> Correlation.with(context, correlationId));
    }

    /** {@link #applyOnce} for a listener thread: blocks until the transaction has committed. */
    public boolean applyOnceBlocking(String consumer, ConsumerRecord<?, ?> record, Supplier<Mono<?>> work) {
        String correlationId = EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID).orElse(null);
        MDC.put(Correlation.MDC_KEY, correlationId);
        try {
            return Boolean.TRUE.equals(applyOnce(consumer, record, work).block(TIMEOUT));
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
    }

    /** The producer's event id; a record from a tool that sets none is known by its position. */
    public static String eventId(ConsumerRecord<?, ?> record) {
        return EventHeaders.read(record.headers(), EventHeaders.EVENT_ID)
                .orElse(record.topic() + "-" + record.partition() + "@" + record.offset());
    }
}
