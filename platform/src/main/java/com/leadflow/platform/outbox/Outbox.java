package com.leadflow.platform.outbox;

import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.db.SqlRows;
import com.leadflow.platform.id.TimeOrderedUuid;
import com.leadflow.platform.kafka.EncodedEvent;
import com.leadflow.platform.tracing.TraceParent;
import com.leadflow.schemas.Topic;
import io.opentelemetry.api.trace.SpanContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
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
 *
 * <p>Two forms, one table: {@link #record} for reactive work in an R2DBC transaction (HTTP
 * handlers), {@link #add} for blocking work in a JDBC transaction of the {@link ConsumerDatabase}
 * (poll handlers, worker threads), whose rows are written as one batch (pgjdbc rewrites it into
 * multi-row inserts) before that transaction commits.
 */
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, record_key, value_type, payload, correlation_id, traceparent)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final DatabaseClient db;
    private final ConsumerDatabase jdbc;
    private final OutboxRelaySignal signal;
    private final Object blockingKey = new Object();

    public Outbox(DatabaseClient db, ConsumerDatabase jdbc, OutboxRelaySignal signal) {
        this.db = db;
        this.jdbc = jdbc;
        this.signal = signal;
    }

    /**
     * Adds an event caused by {@code cause} to the outbox, in the JDBC transaction this thread runs
     * (a poll's, or {@link ConsumerDatabase#inTransaction}): it carries the cause's correlation id
     * and continues its trace. Outside such a transaction it fails rather than publish a change
     * that may never commit.
     *
     * @return the new event's id, which consumers use to apply it once
     */
    public <V extends SpecificRecord> UUID add(Event<?> cause, Topic<String, V> topic, String key, V event) {
        return add(topic, key, event, cause.correlationId(), cause.span());
    }

    /**
     * Adds an event to the outbox in the JDBC transaction this thread runs, with the correlation id
     * and trace context of the work that caused it (either may be null: the relay then publishes the
     * event without them).
     */
    public <V extends SpecificRecord> UUID add(Topic<String, V> topic, String key, V event, String correlationId,
            SpanContext span) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.add must run inside a database transaction");
        }
        UUID eventId = TimeOrderedUuid.next();
        blockingPending().add(new Row(eventId, topic.name(), key, event.getClass().getName(), EncodedEvent.of(event).avroBinary(),
                correlationId, span == null ? null : TraceParent.format(span)));
        return eventId;
    }

    /** The rows this thread's JDBC transaction recorded so far; the first call registers their write at commit. */
    private List<Row> blockingPending() {
        @SuppressWarnings("unchecked")
        List<Row> rows = (List<Row>) org.springframework.transaction.support.TransactionSynchronizationManager
                .getResource(blockingKey);
        if (rows != null) {
            return rows;
        }
        List<Row> recorded = new ArrayList<>();
        org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(blockingKey, recorded);
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        writeBlocking(recorded);
                    }

                    @Override
                    public void afterCommit() {
                        signal.wakeUp();
                    }

                    @Override
                    public void afterCompletion(int status) {
                        org.springframework.transaction.support.TransactionSynchronizationManager
                                .unbindResourceIfPossible(blockingKey);
                    }
                });
        return recorded;
    }

    private void writeBlocking(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.jdbcTemplate().getJdbcTemplate().batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement insert, int i) throws SQLException {
                Row row = rows.get(i);
                insert.setObject(1, row.eventId());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.valueType());
                insert.setBytes(5, row.payload());
                insert.setString(6, row.correlationId());
                if (row.traceparent() == null) {
                    insert.setNull(7, Types.VARCHAR);
                } else {
                    insert.setString(7, row.traceparent());
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /**
     * Adds an event to the outbox. Must run inside a transaction (a {@code TransactionalOperator}
     * or {@code @Transactional}); outside one it fails rather than publish a change that may
     * never commit.
     *
     * @return the new event's id, which consumers use to apply it once
     */
    public <V extends SpecificRecord> Mono<UUID> record(Topic<String, V> topic, String key, V event) {
        UUID eventId = TimeOrderedUuid.next();
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorMap(e -> new IllegalStateException("Outbox.record must run inside a database transaction", e))
                .flatMap(tx -> {
                    if (!tx.isActualTransactionActive()) {
                        return Mono.error(new IllegalStateException("Outbox.record must run inside a database transaction"));
                    }
                    return Correlation.currentIds().map(ids -> {
                        pending(tx).add(new Row(eventId, topic.name(), key, event.getClass().getName(),
                                EncodedEvent.of(event).avroBinary(), ids.correlationId(), TraceParent.format(ids.span())));
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
