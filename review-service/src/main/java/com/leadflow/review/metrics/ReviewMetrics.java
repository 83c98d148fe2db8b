package com.leadflow.review.metrics;

import com.leadflow.events.ReviewPriority;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTaskStore;
import com.leadflow.review.task.ReviewTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What ops watch on the queue: how many reviews wait per priority ({@code review.queue.depth}),
 * how long a review waits for its first clinician ({@code review.time.to.claim}) and how long
 * from joining the queue to its outcome ({@code review.time.to.complete}).
 */
@Component
public class ReviewMetrics {

    private final MeterRegistry registry;
    private final ReviewTaskStore store;
    private final Clock clock;
    private final Map<ReviewPriority, AtomicLong> depth = new EnumMap<>(ReviewPriority.class);
    private final AtomicBoolean counting = new AtomicBoolean();
    private final AtomicBoolean changedSinceCount = new AtomicBoolean();

    public ReviewMetrics(MeterRegistry registry, ReviewTaskStore store, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        for (ReviewPriority priority : ReviewPriority.values()) {
            AtomicLong value = new AtomicLong();
            depth.put(priority, value);
            Gauge.builder("review.queue.depth", value, AtomicLong::get)
                    .description("Reviews waiting for a clinician")
                    .tag("priority", tag(priority))
                    .register(registry);
        }
    }

    /** Counts the claimable reviews again; called after queue changes and by the periodic sweep. */
    public Mono<Void> refreshQueueDepth() {
        return store.claimableByPriority(ReviewTime.now(clock))
                .doOnNext(byPriority -> depth.forEach((priority, value) ->
                        value.set(byPriority.getOrDefault(priority, 0L))))
                .then();
    }

    /**
     * Fire-and-forget refresh after a change; the sweep corrects any miss. Changes that come while a
     * count runs (a consumer commits many polls a second) are folded into one more count after it.
     */
    public void queueChanged() {
        changedSinceCount.set(true);
        if (counting.compareAndSet(false, true)) {
            count();
        }
    }

    private void count() {
        changedSinceCount.set(false);
        refreshQueueDepth().onErrorComplete().doFinally(signal -> {
            counting.set(false);
            if (changedSinceCount.get() && counting.compareAndSet(false, true)) {
                count();
            }
        }).subscribe();
    }

    public void claimed(ReviewTask task, Instant claimedAt) {
        if (task.queuedAt() != null) {
            timer("review.time.to.claim", "From joining the queue to the first claim", task.priority())
                    .record(Duration.between(task.queuedAt(), claimedAt));
        }
    }

    public void completed(ReviewTask task, Instant completedAt) {
        if (task.queuedAt() != null) {
            timer("review.time.to.complete", "From joining the queue to the outcome", task.priority())
                    .record(Duration.between(task.queuedAt(), completedAt));
        }
    }

    private Timer timer(String name, String description, ReviewPriority priority) {
        return Timer.builder(name).description(description).tag("priority", tag(priority)).register(registry);
    }

    private static String tag(ReviewPriority priority) {
        return priority.name().toLowerCase(Locale.ROOT);
    }
}
