package com.leadflow.outreach.delivery;

import com.leadflow.outreach.config.OutreachProperties;
import jakarta.annotation.PreDestroy;
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
 * retry, or left by a sender that died), a batch of up to twenty at a time ({@link Delivery#deliverDue}).
 * Idle, it costs one indexed statement (and its commit) per poll.
 */
@Component
public class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final int BATCH = 20;

    private final Delivery delivery;
    private final OutreachProperties.Delivery settings;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean started;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread sender = new Thread(runnable, "outreach-sender");
        sender.setDaemon(true);
        return sender;
    });

    public Sender(Delivery delivery, OutreachProperties properties) {
        this.delivery = delivery;
        this.settings = properties.delivery();
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
            boolean more;
            do {
                more = delivery.deliverDue(BATCH);
            } while (more && !thread.isShutdown());
        } catch (RuntimeException e) {
            // the database may be away; the batch's leases run out and the next poll tries again
            log.warn("Could not deliver the due messages: {}", e.getClass().getSimpleName());
        }
    }
}
