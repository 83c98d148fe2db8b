package com.leadflow.outreach.delivery;

import com.leadflow.outreach.config.OutreachProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Works through the due messages on one thread of its own: woken as soon as a consumer committed
 * new ones, and every {@code poll-every} for those due later (held for quiet hours, waiting for a
 * retry, or left by a sender that died). Idle, it costs one indexed query per poll.
 */
@Component
public class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final int BATCH = 20;

    private final Delivery delivery;
    private final com.leadflow.outreach.message.Messages messages;
    private final OutreachProperties.Delivery settings;
    private final Clock clock;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean started;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread sender = new Thread(runnable, "outreach-sender");
        sender.setDaemon(true);
        return sender;
    });

    public Sender(Delivery delivery, com.leadflow.outreach.message.Messages messages, OutreachProperties properties,
            Clock clock) {
        this.delivery = delivery;
        this.messages = messages;
        this.settings = properties.delivery();
        this.clock = clock;
    }

    /** Once the service is ready: its tables are migrated by then. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        started = true;
        long every = settings.pollEvery().toMillis();
        thread.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** New messages were committed: deliver them now rather than at the next poll. */
    public void wakeUp() {
        if (!started) {
            return;
        }
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            List<UUID> due;
            do {
                due = messages.due(clock.instant(), BATCH).collectList().block();
                for (UUID id : due) {
                    deliverSafely(id);
                }
            } while (due != null && due.size() == BATCH && !thread.isShutdown());
        } catch (RuntimeException e) {
            // the database may be away; the next poll tries again
            log.warn("Could not look for due messages: {}", e.getClass().getSimpleName());
        }
    }

    private void deliverSafely(UUID id) {
        try {
            delivery.deliver(id);
        } catch (RuntimeException e) {
            // its lease runs out and a later poll delivers it; the message's content stays out of the log
            log.warn("Delivering message {} failed, it will be tried again: {}", id, e.getClass().getSimpleName());
        }
    }
}
