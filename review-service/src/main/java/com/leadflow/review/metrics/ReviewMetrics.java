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
    /** A gauge ops read every few seconds: counting more often than this buys nothing. */
    static final Duration COUNT_AT_MOST_EVERY = Duration.ofSeconds(1);

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
     * Fire-and-forget refresh after a change; the sweep corrects any miss. A consumer commits many
     * polls a second and a count reads the whole queue, so changes are counted at most once a
     * {@link #COUNT_AT_MOST_EVERY}: the changes of that time are folded into one count at its end.
     */
    public void queueChanged() {
        changedSinceCount.set(true);
        if (counting.compareAndSet(false, true)) {
            Mono.delay(COUNT_AT_MOST_EVERY)
                    .then(Mono.defer(() -> {
                        changedSinceCount.set(false);
                        return refreshQueueDepth();
                    }))
                    .onErrorComplete()
                    .doFinally(signal -> {
                        counting.set(false);
                        if (changedSinceCount.get()) {
                            queueChanged();
                        }
                    })
                    .subscribe();
        }
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
