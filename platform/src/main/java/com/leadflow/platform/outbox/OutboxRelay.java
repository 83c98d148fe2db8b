package com.leadflow.platform.outbox;

import com.leadflow.platform.kafka.EncodedEvent;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.tracing.TraceParent;
import com.leadflow.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes committed outbox rows to Kafka, oldest first.
 *
 * <p>Each batch runs in one transaction that deletes the oldest rows and locks them until its end
 * ({@link #claimBatch}, one statement on PostgreSQL), sends them through an idempotent producer and
 * commits once the broker acknowledged them all: every row in the table is waiting to be published,
 * and a published one is gone. On PostgreSQL the claim starts at a floor below which this relay knows
 * no row is left or can still be committed ({@link OutboxClaim}), not at the lowest id, so it does not
 * step over every row deleted since the table's last vacuum. Any number of instances may run a relay: a second one waits for the
 * rows the first holds and takes the ones after them, so the events of one key reach their partition
 * in the order they were committed. A relay that fails or dies before its commit (the broker refused
 * or did not acknowledge the batch in time) rolls the delete back: the rows are published again when
 * it (or another instance) next runs, and consumers, which apply each event id once, ignore a repeat.
 * Nothing is lost, and nothing is applied twice.
 *
 * <p>It works on JDBC ({@link com.leadflow.platform.db.RelayDatabase}), on a thread of its own: a
 * batch blocks until the broker answers anyway, and there the same statements cost the client a third
 * (a batch of one) to two thirds (a batch of fifty) of the CPU they take on R2DBC. It wakes when this instance committed outbox rows
 * and every {@code poll-interval} besides; with a {@code min-batch-interval} a wake-up that comes
 * sooner than that after its last batch waits for the rest of it, and takes what was committed meanwhile.
 *
 * <p>Ops see {@code leadflow.outbox.published} (events per topic) and {@code leadflow.outbox.delay}
 * (commit to acknowledged publish).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The columns a claim reads, as its {@link #rows} maps them. */
    static final String COLUMNS = " id, event_id, topic, record_key, value_type, payload, correlation_id, traceparent, created_at";

    private final DataSource db;
    private final KafkaTemplate<String, Object> kafka;
    private final OutboxRelaySignal signal;
    private final OutboxProperties properties;
    private final String instance = "relay-" + UUID.randomUUID();
    private final MeterRegistry meters;
    private final String source;
    private final Tracing tracing;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final OutboxClaim postgresClaim = new OutboxClaim();
    /** When this relay last claimed a batch that held rows ({@link System#nanoTime}). */
    private volatile long lastBatchAt;
    private volatile Boolean postgres;
    private volatile ScheduledExecutorService thread;
    private volatile Disposable wakeups;

    public OutboxRelay(DataSource db, KafkaTemplate<String, Object> kafka, OutboxRelaySignal signal,
            OutboxProperties properties) {
        this(db, kafka, signal, properties, new SimpleMeterRegistry(), null, Tracing.off());
    }

    /**
     * @param source the publishing service's name, written in every event's {@code leadflow-source} header
     * @param tracing starts a publish span per event, the child of the span that recorded it
     */
    public OutboxRelay(DataSource db, KafkaTemplate<String, Object> kafka, OutboxRelaySignal signal,
            OutboxProperties properties, MeterRegistry meters, String source, Tracing tracing) {
        this.source = source;
        this.tracing = tracing;
        this.db = db;
        this.kafka = kafka;
        this.signal = signal;
        this.properties = properties;
        this.meters = meters;
        this.lastBatchAt = System.nanoTime() - properties.minBatchInterval().toNanos();
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService relay = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "outbox-relay");
            named.setDaemon(true);
            return named;
        });
        thread = relay;
        relay.scheduleWithFixedDelay(this::drainQuietly, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        // wake-ups arrive on the committing request's thread; at most one drain waits behind the running one,
        // and those arriving while it waits (for the rest of min-batch-interval) are its rows too
        wakeups = signal.wakeups().subscribe(wake -> {
            if (queued.compareAndSet(false, true)) {
                try {
                    Runnable drain = () -> {
                        queued.set(false);
                        drainQuietly();
                    };
                    long wait = properties.minBatchInterval().toNanos() - (System.nanoTime() - lastBatchAt);
                    if (wait > 0) {
                        relay.schedule(drain, wait, TimeUnit.NANOSECONDS);
                    } else {
                        relay.execute(drain);
                    }
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    queued.set(false);
                }
            }
        });
        log.info("Outbox relay {} started", instance);
    }

    @Override
    public synchronized void stop() {
        Disposable listening = wakeups;
        if (listening != null) {
            listening.dispose();
        }
        ScheduledExecutorService relay = thread;
        thread = null;
        wakeups = null;
        if (relay != null) {
            relay.shutdown();
            try {
                // a batch in flight finishes (or times out) rather than being interrupted mid-commit
                if (!relay.awaitTermination(properties.sendTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                    relay.shutdownNow();
                }
            } catch (InterruptedException e) {
                relay.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        // start after the Kafka listeners, stop before them
        return Integer.MAX_VALUE - 200;
    }

    private void drainQuietly() {
        try {
            drainNow();
        } catch (RuntimeException e) {
            log.warn("Outbox relay batch failed; it will be retried: {}", e.toString());
        }
    }

    /** Publishes batches until the outbox holds nothing unpublished. */
    public Mono<Integer> drain() {
        return Mono.fromCallable(this::drainNow).subscribeOn(Schedulers.boundedElastic());
    }

    /** Publishes at most one batch in one transaction, and returns how many rows it published. */
    public Mono<Integer> publishBatch() {
        return Mono.fromCallable(this::publishBatchNow).subscribeOn(Schedulers.boundedElastic());
    }

    private int drainNow() {
        int total = 0;
        int published;
        do {
            published = publishBatchNow();
            total += published;
        } while (published == properties.batchSize());
        return total;
    }

    private int publishBatchNow() {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Batch batch = claimBatch(connection);
                List<OutboxRow> rows = batch.rows();
                if (!rows.isEmpty()) {
                    lastBatchAt = System.nanoTime();
                    publish(rows).block();
                    confirmPublished(rows).block();
                }
                connection.commit();
                if (batch.claimed() != null) {
                    postgresClaim.committed(batch.claimed());
                }
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay batch: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Deletes the oldest rows and returns them, in id order, inside the batch's transaction: if
     * publishing fails, or the relay dies before the commit, the delete is rolled back and the rows
     * are published again. The rows stay locked until the commit, so a second relay waits for this
     * one's batch (its rows then gone, it skips them) and takes the ones after it: order per key holds
     * across relays without a lock row. It waits rather than {@code skip locked}: skipping would let
     * the second relay send a key's later events while the first still sends its earlier ones. On
     * PostgreSQL it is one statement over the primary key, from a floor below which nothing is left
     * to publish ({@link OutboxClaim}); elsewhere (H2, the local run's embedded database, which has no
     * {@code delete ... returning}) a locking read and a delete.
     */
    private Batch claimBatch(Connection connection) throws SQLException {
        if (isPostgres(connection)) {
            OutboxClaim.Claimed claimed = postgresClaim.claim(connection, properties.batchSize());
            return new Batch(claimed.rows(), claimed);
        }
        List<OutboxRow> rows;
        try (PreparedStatement select = connection.prepareStatement("select" + COLUMNS
                + " from outbox_event order by id limit ? for update")) {
            select.setInt(1, properties.batchSize());
            rows = rows(select);
        }
        if (!rows.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id in ("
                    + String.join(", ", Collections.nCopies(rows.size(), "?")) + ")")) {
                for (int i = 0; i < rows.size(); i++) {
                    delete.setLong(i + 1, rows.get(i).id());
                }
                delete.executeUpdate();
            }
        }
        return new Batch(rows, null);
    }

    /** A claimed batch; on PostgreSQL with the floor its commit lets the next claim start at. */
    private record Batch(List<OutboxRow> rows, OutboxClaim.Claimed claimed) {
    }

    /** Where this relay's next claim on PostgreSQL starts (0 until its first commit; for tests). */
    long claimFloor() {
        return postgresClaim.floor();
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    static List<OutboxRow> rows(PreparedStatement query) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.add(new OutboxRow(row.getLong("id"), row.getObject("event_id", UUID.class),
                        row.getString("topic"), row.getString("record_key"), row.getString("value_type"),
                        row.getBytes("payload"), row.getString("correlation_id"), row.getString("traceparent"),
                        row.getObject("created_at", OffsetDateTime.class)));
            }
        }
        return rows;
    }

    /** Sends every row, then waits for every acknowledgement; the idempotent producer keeps their order. */
    protected Mono<Void> publish(List<OutboxRow> rows) {
        return Mono.fromRunnable(() -> {
            CompletableFuture<?>[] acks = rows.stream().map(this::send).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(acks).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the broker did not take the batch: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker did not acknowledge the batch within " + properties.sendTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker");
            }
        });
    }

    /**
     * Sends one row in a {@code <topic> publish} span, from the send to the broker's acknowledgement,
     * the child of the span that recorded the row; its context is the record's {@code traceparent},
     * which the consumers continue.
     */
    private CompletableFuture<?> send(OutboxRow row) {
        // the row's Avro binary as it is: the serializer frames it with the registry's schema id
        var record = new ProducerRecord<String, Object>(row.topic(), row.key(),
                new EncodedEvent(row.valueType(), row.payload()));
        Span span = tracing.start(row.topic() + " publish", SpanKind.PRODUCER, TraceParent.parse(row.traceparent()));
        if (span.isRecording()) {
            span.setAttribute(Tracing.SYSTEM, "kafka");
            span.setAttribute(Tracing.DESTINATION, row.topic());
            span.setAttribute(Tracing.MESSAGE_ID, row.eventId().toString());
        }
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, row.eventId().toString());
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, row.correlationId());
        EventHeaders.write(record.headers(), EventHeaders.EVENT_TYPE, row.valueType());
        EventHeaders.write(record.headers(), EventHeaders.SOURCE, source);
        EventHeaders.write(record.headers(), TraceParent.HEADER, TraceParent.format(span.getSpanContext()));
        try {
            return kafka.send(record).whenComplete((sent, failure) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                span.end();
            });
        } catch (RuntimeException failure) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            span.end();
            throw failure;
        }
    }

    /**
     * The broker acknowledged every row of the batch: counts them. Runs before the commit, which
     * makes the claim's delete final; should the relay fail here, the batch is published again.
     */
    protected Mono<Void> confirmPublished(List<OutboxRow> rows) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Mono.fromRunnable(() -> rows.forEach(row -> {
            meters.counter("leadflow.outbox.published", "topic", row.topic()).increment();
            if (row.createdAt() != null) {
                meters.timer("leadflow.outbox.delay", "topic", row.topic()).record(Duration.between(row.createdAt(), now));
            }
        }));
    }

    /** One committed, not yet published event. */
    public record OutboxRow(long id, UUID eventId, String topic, String key, String valueType, byte[] payload,
            String correlationId, String traceparent, OffsetDateTime createdAt) {
    }
}
