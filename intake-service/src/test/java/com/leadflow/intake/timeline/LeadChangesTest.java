package com.leadflow.intake.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class LeadChangesTest {

    private final LeadChanges changes = new LeadChanges();

    @Test
    void aChangeAnnouncedWhileAnotherIsBeingDeliveredWaitsItsTurnInsteadOfFailing() throws Exception {
        List<LeadChange> seen = new CopyOnWriteArrayList<>();
        CountDownLatch firstInDelivery = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        changes.stream().subscribe(change -> {
            seen.add(change);
            if (seen.size() == 1) {
                firstInDelivery.countDown();
                await(releaseFirst);
            }
        });
        LeadChange first = change("REVIEW_QUEUED");
        LeadChange second = change("INSURANCE_VERIFIED");
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread request = new Thread(() -> changes.published(first), "request");
        request.start();
        assertThat(firstInDelivery.await(10, TimeUnit.SECONDS)).isTrue();
        Thread listener = new Thread(() -> {
            try {
                changes.published(second);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "listener");
        listener.start();
        // the second announcement waits for the first to be handed over, however long that takes
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                listener.getState() == Thread.State.BLOCKED || failure.get() != null);
        releaseFirst.countDown();
        request.join(10_000);
        listener.join(10_000);

        assertThat(failure.get()).isNull();
        assertThat(seen).containsExactly(first, second);
    }

    @Test
    void withNobodyWatchingAnAnnouncementIsDroppedQuietly() {
        changes.published(change("REVIEW_QUEUED"));
        assertThat(changes.stream().take(Duration.ofMillis(1)).collectList().block()).isEmpty();
    }

    private static LeadChange change(String status) {
        return new LeadChange(UUID.randomUUID(), "REVIEW", status, Instant.now());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
