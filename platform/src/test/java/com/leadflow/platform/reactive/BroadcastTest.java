package com.leadflow.platform.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Publishing from many threads: what a commit reports is never turned into a failure of the commit's caller. */
class BroadcastTest {

    private final Broadcast<String> changes = new Broadcast<>();

    @Test
    void aValuePublishedWhileAnotherIsBeingDeliveredWaitsItsTurnInsteadOfFailing() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch firstInDelivery = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        changes.flux().subscribe(change -> {
            seen.add(change);
            if (seen.size() == 1) {
                firstInDelivery.countDown();
                await(releaseFirst);
            }
        });
        String first = "lead 1 REVIEW_QUEUED";
        String second = "lead 2 INSURANCE_VERIFIED";
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread request = new Thread(() -> changes.publish(first), "request");
        request.start();
        assertThat(firstInDelivery.await(10, TimeUnit.SECONDS)).isTrue();
        Thread listener = new Thread(() -> {
            try {
                changes.publish(second);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "listener");
        listener.start();
        // the second publisher waits for the first to be handed over, however long that takes
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                listener.getState() == Thread.State.BLOCKED || failure.get() != null);
        releaseFirst.countDown();
        request.join(10_000);
        listener.join(10_000);

        assertThat(failure.get()).isNull();
        assertThat(seen).containsExactly(first, second);
    }

    @Test
    void withNobodyListeningAValueIsDroppedQuietly() {
        changes.publish("lead 1 REVIEW_QUEUED");
        assertThat(changes.flux().take(Duration.ofMillis(1)).collectList().block()).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
