package com.leadflow.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How far the outbox is behind, for ops: {@code leadflow.outbox.pending} (committed rows not yet
 * published: the relay deletes a row when it publishes it, so every row in the table) and {@code leadflow.outbox.oldest.age} (seconds since the oldest of them was
 * committed; 0 when none waits). A growing age means the relay cannot publish (broker or registry
 * away). Counted by one small query per interval, never on a scrape, so reading metrics costs
 * the database nothing.
 */
public class OutboxBacklog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final DatabaseClient db;
    private final Duration interval;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<OffsetDateTime> oldest = new AtomicReference<>();
    private volatile Disposable loop;

    public OutboxBacklog(DatabaseClient db, MeterRegistry meters, Duration interval, Clock clock) {
        this.db = db;
        this.interval = interval;
        this.clock = clock;
        Gauge.builder("leadflow.outbox.pending", pending, AtomicLong::get)
                .description("Committed outbox rows not yet published")
                .register(meters);
        TimeGauge.builder("leadflow.outbox.oldest.age", this, TimeUnit.SECONDS, OutboxBacklog::oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox row")
                .register(meters);
    }

    /** Counts the unpublished rows now. */
    public Mono<Void> count() {
        return db.sql("select count(*) as pending, min(created_at) as oldest from outbox_event")
                .map((row, meta) -> {
                    Number count = row.get("pending", Number.class);
                    pending.set(count == null ? 0 : count.longValue());
                    oldest.set(row.get("oldest", OffsetDateTime.class));
                    return true;
                })
                .one()
                .then();
    }

    public long pending() {
        return pending.get();
    }

    public double oldestAgeSeconds() {
        OffsetDateTime at = oldest.get();
        return at == null ? 0 : Math.max(0, Duration.between(at.toInstant(), clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public void start() {
        loop = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> count().onErrorResume(e -> {
                    log.debug("Could not count the outbox backlog: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
