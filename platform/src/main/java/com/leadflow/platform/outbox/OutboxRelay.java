package com.leadflow.platform.outbox;

import com.leadflow.platform.kafka.EventHeaders;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes committed outbox rows to Kafka, oldest first.
 *
 * <p>Each batch runs in one transaction that marks the oldest unpublished rows published and
 * locks them ({@link #claimBatch}, one statement on PostgreSQL), sends them through an idempotent
 * producer and commits once the broker acknowledged them all. Any number of instances may run a
 * relay: a second one waits for the rows the first holds and takes the ones after them, so the
 * events of one key reach their partition in the order they were committed. A relay that dies
 * before its commit leaves the rows unmarked; they are published again when it (or another
 * instance) next runs, and consumers, which apply each event id once, ignore the repeat. Nothing
 * is lost, and nothing is applied twice.
 *
 * <p>Ops see {@code leadflow.outbox.published} (events per topic) and {@code leadflow.outbox.delay}
 * (commit to acknowledged publish). Published rows are deleted after the retention.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, Object> kafka;
    private final OutboxRelaySignal signal;
    private final OutboxProperties properties;
    private final String instance = "relay-" + UUID.randomUUID();
    private final MeterRegistry meters;
    private final String source;
    private final boolean postgres;
    private volatile Disposable loop;
    private volatile Disposable housekeeping;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, Object> kafka,
            OutboxRelaySignal signal, OutboxProperties properties) {
        this(db, tx, kafka, signal, properties, new SimpleMeterRegistry());
    }

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, Object> kafka,
            OutboxRelaySignal signal, OutboxProperties properties, MeterRegistry meters) {
        this(db, tx, kafka, signal, properties, meters, null);
    }

    /** @param source the publishing service's name, written in every event's {@code leadflow-source} header */
    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, Object> kafka,
            OutboxRelaySignal signal, OutboxProperties properties, MeterRegistry meters, String source) {
        this.source = source;
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.signal = signal;
        this.properties = properties;
        this.meters = meters;
        this.postgres = db.getConnectionFactory().getMetadata().getName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    @Override
    public void start() {
        loop = Flux.merge(Flux.interval(Duration.ZERO, properties.pollInterval()).map(tick -> true), signal.wakeups())
                .onBackpressureLatest()
                // wake-ups arrive on the committing request's thread; drain elsewhere
                .publishOn(Schedulers.boundedElastic(), 1)
                .concatMap(wake -> drain()
                        .onErrorResume(e -> {
                            log.warn("Outbox relay batch failed; it will be retried: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
        housekeeping = Flux.interval(Duration.ofMinutes(1), Duration.ofHours(1))
                .concatMap(tick -> purgePublished().onErrorResume(e -> Mono.just(0L)))
                .subscribe(purged -> {
                    if (purged > 0) {
                        log.info("Deleted {} outbox rows published more than {} ago", purged, properties.retention());
                    }
                });
        log.info("Outbox relay {} started", instance);
    }

    @Override
    public void stop() {
        for (Disposable running : new Disposable[] {loop, housekeeping}) {
            if (running != null) {
                running.dispose();
            }
        }
        loop = null;
        housekeeping = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    @Override
    public int getPhase() {
        // start after the Kafka listeners, stop before them
        return Integer.MAX_VALUE - 200;
    }

    /** Publishes batches until the outbox holds nothing unpublished. */
    public Mono<Integer> drain() {
        return publishBatch()
                .expand(published -> published == properties.batchSize() ? publishBatch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    /** Publishes at most one batch in one transaction, and returns how many rows it published. */
    public Mono<Integer> publishBatch() {
        Mono<Integer> batch = claimBatch()
                .flatMap(rows -> rows.isEmpty()
                        ? Mono.just(0)
                        : publish(rows).then(markPublished(rows)).thenReturn(rows.size()));
        return tx.transactional(batch);
    }

    /**
     * Marks the oldest unpublished rows published and returns them, in id order, inside the batch's
     * transaction: if publishing fails, or the relay dies before the commit, the mark is rolled back
     * and the rows are published again. The rows stay locked until the commit, so a second relay
     * waits for this one's batch and then takes the rows after it: order per key holds across
     * relays without a lock row. On PostgreSQL it is one statement; elsewhere (H2, the local run's
     * embedded database, which has no {@code update ... returning}) a locking read and an update.
     */
    private Mono<List<OutboxRow>> claimBatch() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (postgres) {
            return rows(db.sql("""
                            update outbox_event set published_at = :now where id in (
                                select id from outbox_event where published_at is null order by id limit :limit for update)
                            returning""" + COLUMNS)
                    .bind("now", now)
                    .bind("limit", properties.batchSize()))
                    // update ... returning names no order
                    .sort(Comparator.comparingLong(OutboxRow::id))
                    .collectList();
        }
        return rows(db.sql("select" + COLUMNS + " from outbox_event where published_at is null order by id limit :limit"
                        + " for update")
                .bind("limit", properties.batchSize()))
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(rows)
                        : db.sql("update outbox_event set published_at = :now where id in (:ids)")
                                .bind("now", now)
                                .bind("ids", rows.stream().map(OutboxRow::id).toList())
                                .then().thenReturn(rows));
    }

    private static final String COLUMNS = " id, event_id, topic, record_key, value_type, payload, correlation_id, created_at";

    private Flux<OutboxRow> rows(DatabaseClient.GenericExecuteSpec query) {
        return query.map((row, meta) -> new OutboxRow(
                        row.get("id", Long.class),
                        row.get("event_id", UUID.class),
                        row.get("topic", String.class),
                        row.get("record_key", String.class),
                        row.get("value_type", String.class),
                        bytes(row.get("payload")),
                        row.get("correlation_id", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }

    /** Sends every row, then waits for every acknowledgement; the idempotent producer keeps their order. */
    protected Mono<Void> publish(List<OutboxRow> rows) {
        return Mono.fromCallable(() -> {
                    CompletableFuture<?>[] acks = rows.stream().map(this::send).toArray(CompletableFuture[]::new);
                    return CompletableFuture.allOf(acks);
                })
                // a send may block (metadata, a full buffer, a broker away): never on an event loop
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(properties.sendTimeout())
                .then();
    }

    private CompletableFuture<?> send(OutboxRow row) {
        SpecificRecord value = AvroBinary.decode(row.valueType(), row.payload());
        var record = new ProducerRecord<String, Object>(row.topic(), row.key(), value);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, row.eventId().toString());
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, row.correlationId());
        EventHeaders.write(record.headers(), EventHeaders.EVENT_TYPE, value.getSchema().getFullName());
        EventHeaders.write(record.headers(), EventHeaders.SOURCE, source);
        return kafka.send(record);
    }

    /**
     * The broker acknowledged every row of the batch: counts them. Runs before the commit, which
     * makes the claim's mark final; should the relay fail here, the batch is published again.
     */
    protected Mono<Void> markPublished(List<OutboxRow> rows) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Mono.fromRunnable(() -> rows.forEach(row -> {
            meters.counter("leadflow.outbox.published", "topic", row.topic()).increment();
            if (row.createdAt() != null) {
                meters.timer("leadflow.outbox.delay", "topic", row.topic()).record(Duration.between(row.createdAt(), now));
            }
        }));
    }

    /** Deletes rows published longer ago than the retention; returns how many. */
    public Mono<Long> purgePublished() {
        return db.sql("delete from outbox_event where published_at < :cutoff")
                .bind("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(properties.retention()))
                .fetch().rowsUpdated();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] array = new byte[buffer.remaining()];
            buffer.get(array);
            return array;
        }
        throw new IllegalStateException("Unexpected payload column type " + (value == null ? "null" : value.getClass().getName()));
    }

    /** One committed, not yet published event. */
    public record OutboxRow(long id, UUID eventId, String topic, String key, String valueType, byte[] payload,
            String correlationId, OffsetDateTime createdAt) {
    }
}
