package com.leadflow.platform.db.access;

import com.leadflow.platform.db.SqlRows;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The services' path today: Spring's DatabaseClient with named parameters over an r2dbc-pool, blocked on. */
final class R2dbcPath implements AccessPath {

    private final ConnectionPool pool;
    private final DatabaseClient db;
    private final TransactionalOperator tx;

    R2dbcPath(String host, int port, String database, String user, String schema) {
        var options = ConnectionFactoryOptions.parse("r2dbc:postgresql://" + user + "@" + host + ":" + port + "/"
                + database + "?schema=" + schema);
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .initialSize(1).maxSize(1).build());
        db = DatabaseClient.create(pool);
        tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    @Override
    public String name() {
        return "R2DBC";
    }

    @Override
    public int backendPid() {
        return db.sql("select pg_backend_pid() as pid").map(row -> row.get("pid", Integer.class)).one().block();
    }

    @Override
    public void pollRowByRow(String consumer, int first, int events) {
        Mono<?> work = claim(consumer, first, events).then(Flux.range(first, events)
                .concatMap(n -> bindWork(db.sql(named(Rows.WORK + Rows.values(Rows.WORK_ROW, 7, 1))), 0, n).then()
                        .then(bindOutbox(db.sql(named(Rows.OUTBOX + Rows.values(Rows.OUTBOX_ROW, 6, 1))), 0, n).then()))
                .then());
        tx.transactional(work).block();
    }

    @Override
    public void pollMultiRow(String consumer, int first, int events) {
        List<Integer> ns = IntStream.range(first, first + events).boxed().toList();
        Mono<?> work = claim(consumer, first, events)
                .then(Flux.fromIterable(SqlRows.chunks(ns)).concatMap(chunk -> {
                    GenericExecuteSpec spec = db.sql(named(Rows.WORK + Rows.values(Rows.WORK_ROW, 7, chunk.size())));
                    for (int i = 0; i < chunk.size(); i++) {
                        spec = bindWork(spec, 7 * i, chunk.get(i));
                    }
                    return spec.then();
                }).then())
                .then(Flux.fromIterable(SqlRows.chunks(ns)).concatMap(chunk -> {
                    GenericExecuteSpec spec = db.sql(named(Rows.OUTBOX + Rows.values(Rows.OUTBOX_ROW, 6, chunk.size())));
                    for (int i = 0; i < chunk.size(); i++) {
                        spec = bindOutbox(spec, 6 * i, chunk.get(i));
                    }
                    return spec.then();
                }).then());
        tx.transactional(work).block();
    }

    /** The platform's claim: one statement for one event, else a read of the claimed ids and multi-row inserts. */
    private Mono<Void> claim(String consumer, int first, int events) {
        if (events == 1) {
            return db.sql(named(Rows.CLAIM_ONE)).bind("p1", consumer).bind("p2", Rows.eventId(first)).then();
        }
        List<String> ids = IntStream.range(first, first + events).mapToObj(Rows::eventId).toList();
        return Flux.fromIterable(SqlRows.chunks(ids))
                .concatMap(chunk -> {
                    GenericExecuteSpec spec = db.sql("select event_id from processed_event where consumer = :consumer"
                            + " and event_id in (" + SqlRows.values(chunk.size(), ":id#") + ")").bind("consumer", consumer);
                    for (int i = 0; i < chunk.size(); i++) {
                        spec = spec.bind("id" + i, chunk.get(i));
                    }
                    return spec.map(row -> row.get("event_id", String.class)).all();
                })
                .then(Flux.fromIterable(SqlRows.chunks(ids)).concatMap(chunk -> {
                    GenericExecuteSpec spec = db.sql("insert into processed_event (consumer, event_id) values "
                            + SqlRows.values(chunk.size(), "(:consumer, :id#)")).bind("consumer", consumer);
                    for (int i = 0; i < chunk.size(); i++) {
                        spec = spec.bind("id" + i, chunk.get(i));
                    }
                    return spec.then();
                }).then());
    }

    @Override
    public int relayLocked(int batchSize) {
        Mono<Integer> batch = db.sql(named(Rows.LOCK)).bind("p1", "relay-1").bind("p2", Rows.now()).then()
                .thenMany(db.sql(named(Rows.PENDING)).bind("p1", batchSize)
                        .map(R2dbcPath::readRow)
                        .all())
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(0)
                        : db.sql("update outbox_event set published_at = :now where id in (:ids)")
                                .bind("now", Rows.now()).bind("ids", rows).then().thenReturn(rows.size()));
        return tx.transactional(batch).block();
    }

    @Override
    public int relayOneStatement(int batchSize) {
        Mono<Integer> batch = db.sql(named(Rows.RELAY_ONE)).bind("p1", Rows.now()).bind("p2", batchSize)
                .map(R2dbcPath::readRow)
                .all().count().map(Long::intValue);
        return tx.transactional(batch).block();
    }

    /** Reads every column, as the relay does, and returns the id. */
    private static long readRow(io.r2dbc.spi.Readable row) {
        row.get("event_id", UUID.class);
        row.get("topic", String.class);
        row.get("record_key", String.class);
        row.get("value_type", String.class);
        row.get("payload", ByteBuffer.class);
        row.get("correlation_id", String.class);
        row.get("created_at", java.time.OffsetDateTime.class);
        return row.get("id", Long.class);
    }

    @Override
    public void fillOutbox(int rows) {
        throw new UnsupportedOperationException("filled through JDBC");
    }

    private static GenericExecuteSpec bindWork(GenericExecuteSpec spec, int offset, int n) {
        return spec.bind("p" + (offset + 1), UUID.randomUUID()).bind("p" + (offset + 2), Rows.leadId(n))
                .bind("p" + (offset + 3), "QUEUED").bind("p" + (offset + 4), "ROUTINE")
                .bind("p" + (offset + 5), Rows.now()).bind("p" + (offset + 6), Rows.now())
                .bind("p" + (offset + 7), Rows.DETAILS);
    }

    private static GenericExecuteSpec bindOutbox(GenericExecuteSpec spec, int offset, int n) {
        return spec.bind("p" + (offset + 1), UUID.randomUUID()).bind("p" + (offset + 2), "leads.status")
                .bind("p" + (offset + 3), Rows.leadId(n)).bind("p" + (offset + 4), "com.leadflow.events.LeadStatusChanged")
                .bind("p" + (offset + 5), Rows.PAYLOAD).bind("p" + (offset + 6), "correlation-" + n);
    }

    /** {@code $n} placeholders as the services write them: named, {@code :pn}. */
    private static String named(String sql) {
        return sql.replaceAll("\\$(\\d+)", ":p$1");
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
