package com.leadflow.platform.outbox;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.schemas.Topic;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Records an event to publish, in the caller's database transaction: the event exists if and only
 * if the change it reports was committed. After the commit the relay is woken, so the event
 * reaches Kafka within milliseconds.
 */
public class Outbox {

    private final DatabaseClient db;
    private final OutboxRelaySignal signal;

    public Outbox(DatabaseClient db, OutboxRelaySignal signal) {
        this.db = db;
        this.signal = signal;
    }

    /**
     * Adds an event to the outbox. Must run inside a transaction (a {@code TransactionalOperator}
     * or {@code @Transactional}); outside one it fails rather than publish a change that may
     * never commit.
     *
     * @return the new event's id, which consumers use to apply it once
     */
    public <V extends SpecificRecord> Mono<UUID> record(Topic<String, V> topic, String key, V event) {
        UUID eventId = UUID.randomUUID();
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorMap(e -> new IllegalStateException("Outbox.record must run inside a database transaction", e))
                .flatMap(tx -> {
                    if (!tx.isActualTransactionActive()) {
                        return Mono.error(new IllegalStateException("Outbox.record must run inside a database transaction"));
                    }
                    tx.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            signal.wakeUp();
                            return Mono.empty();
                        }
                    });
                    return Correlation.current();
                })
                .flatMap(correlationId -> db.sql("""
                                insert into outbox_event (event_id, topic, record_key, value_type, payload, correlation_id)
                                values (:eventId, :topic, :key, :type, :payload, :correlationId)""")
                        .bind("eventId", eventId)
                        .bind("topic", topic.name())
                        .bind("key", key)
                        .bind("type", event.getClass().getName())
                        .bind("payload", AvroBinary.encode(event))
                        .bind("correlationId", correlationId)
                        .then())
                .thenReturn(eventId);
    }
}
