package com.leadflow.platform.outbox;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.db.SqlRows;
import com.leadflow.platform.tracing.TraceParent;
import com.leadflow.schemas.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records an event to publish, in the caller's database transaction: the event exists if and only
 * if the change it reports was committed. It keeps the correlation id and the trace context
 * ({@code traceparent}) of the work that recorded it, which the relay publishes as headers. After the commit the relay is woken, so the event
 * reaches Kafka within milliseconds.
 *
 * <p>The events a transaction records are written just before it commits, as one multi-row insert
 * (in chunks of {@link SqlRows}), in the order they were recorded: a poll that applies twenty
 * leads writes its twenty events in one statement rather than twenty. Should that insert fail,
 * the commit fails and the transaction rolls back as a whole.
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
                    return Correlation.currentIds().map(ids -> {
                        pending(tx).add(new Row(eventId, topic.name(), key, event.getClass().getName(),
                                AvroBinary.encode(event), ids.correlationId(), TraceParent.format(ids.span())));
                        return eventId;
                    });
                });
    }

    /** The rows this transaction recorded so far; the first call registers their write at commit. */
    private List<Row> pending(TransactionSynchronizationManager tx) {
        @SuppressWarnings("unchecked")
        List<Row> rows = (List<Row>) tx.getResource(this);
        if (rows != null) {
            return rows;
        }
        List<Row> recorded = new ArrayList<>();
        tx.bindResource(this, recorded);
        tx.registerSynchronization(new TransactionSynchronization() {
            @Override
            public Mono<Void> beforeCommit(boolean readOnly) {
                return write(List.copyOf(recorded));
            }

            @Override
            public Mono<Void> afterCommit() {
                signal.wakeUp();
                return Mono.empty();
            }

            @Override
            public Mono<Void> afterCompletion(int status) {
                tx.unbindResourceIfPossible(Outbox.this);
                return Mono.empty();
            }
        });
        return recorded;
    }

    private Mono<Void> write(List<Row> rows) {
        return Flux.fromIterable(SqlRows.chunks(rows))
                .concatMap(chunk -> {
                    GenericExecuteSpec insert = db.sql("""
                            insert into outbox_event (event_id, topic, record_key, value_type, payload, correlation_id, traceparent)
                            values\s""" + SqlRows.values(chunk.size(),
                            "(:eventId#, :topic#, :key#, :type#, :payload#, :correlationId#, :traceparent#)"));
                    for (int i = 0; i < chunk.size(); i++) {
                        Row row = chunk.get(i);
                        insert = insert.bind("eventId" + i, row.eventId())
                                .bind("topic" + i, row.topic())
                                .bind("key" + i, row.key())
                                .bind("type" + i, row.valueType())
                                .bind("payload" + i, row.payload());
                        insert = row.correlationId() == null ? insert.bindNull("correlationId" + i, String.class)
                                : insert.bind("correlationId" + i, row.correlationId());
                        insert = row.traceparent() == null ? insert.bindNull("traceparent" + i, String.class)
                                : insert.bind("traceparent" + i, row.traceparent());
                    }
                    return insert.then();
                })
                .then();
    }

    private record Row(UUID eventId, String topic, String key, String valueType, byte[] payload, String correlationId,
            String traceparent) {
    }
}
