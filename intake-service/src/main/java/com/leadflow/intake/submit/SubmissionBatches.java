package com.leadflow.intake.submit;

import com.leadflow.intake.JdbcWorkers;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.correlation.CorrelationLogging;
import com.leadflow.platform.db.ConsumerDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Runs submissions' transactions on the {@link JdbcWorkers}, committing together the ones that queued while
 * every worker was busy: a worker takes what is waiting (at most {@code leadflow.intake.submission.max-batch})
 * and applies it in arrival order in one transaction, so under load a commit (and its wait for the disk) and the
 * outbox's insert are shared, and the workers keep up however long a commit takes. At a low rate nothing waits,
 * so each submission still commits alone, at once; nothing is held back to fill a batch.
 *
 * <p>In one transaction a later submission sees the earlier ones: a second lead with the same email is linked
 * to the first as its possible duplicate, a second request with the same Idempotency-Key gets the first one's
 * answer, as they would one after the other. When the shared transaction fails (a submission naming an unknown
 * upload, a reused key with another body, a deadlock with another worker's batch), it is rolled back whole and
 * each of its submissions is applied again in a transaction of its own, so one bad request fails alone and the
 * others are stored. A submission whose client went away before a worker took it is not applied.
 */
@Component
class SubmissionBatches {

    private final Queue<Job<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ConsumerDatabase database;
    private final JdbcWorkers workers;
    private final int maxBatch;

    SubmissionBatches(ConsumerDatabase database, JdbcWorkers workers, SubmissionProperties properties) {
        this.database = database;
        this.workers = workers;
        this.maxBatch = properties.maxBatch();
    }

    /**
     * Applies {@code work} in a transaction, alone or with others waiting beside it; {@code afterCommit} runs once
     * its transaction committed, before the answer is emitted (on the worker's thread, with the request's ids in
     * the logs).
     */
    <T> Mono<T> submit(Correlation.Ids ids, Supplier<T> work, Consumer<T> afterCommit) {
        return Mono.create(sink -> {
            Job<T> job = new Job<>(ids, work, afterCommit, sink);
            sink.onCancel(() -> job.cancelled = true);
            waiting.add(job);
            try {
                workers.scheduler().schedule(this::drain);
            } catch (RejectedExecutionException full) {
                if (waiting.remove(job)) {
                    sink.error(full);
                }
            }
        });
    }

    /** One per submitted job; a drain finding nothing left (an earlier one took it) does nothing. */
    private void drain() {
        List<Job<?>> batch = new ArrayList<>();
        Job<?> next;
        while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
            if (!next.cancelled) {
                batch.add(next);
            }
        }
        if (batch.size() == 1) {
            alone(batch.get(0));
        } else if (!batch.isEmpty()) {
            together(batch);
        }
    }

    private void together(List<Job<?>> batch) {
        List<Object> answers;
        try {
            answers = database.inTransaction(() -> {
                List<Object> applied = new ArrayList<>(batch.size());
                for (Job<?> job : batch) {
                    applied.add(job.apply());
                }
                return applied;
            });
        } catch (RuntimeException failure) {
            batch.forEach(this::alone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).committed(answers.get(i));
        }
    }

    private void alone(Job<?> job) {
        Object answer;
        try {
            answer = database.inTransaction(job::apply);
        } catch (RuntimeException failure) {
            job.sink.error(failure);
            return;
        }
        job.committed(answer);
    }

    private static final class Job<T> {

        final Correlation.Ids ids;
        final Supplier<T> work;
        final Consumer<T> afterCommit;
        final MonoSink<T> sink;
        volatile boolean cancelled;

        Job(Correlation.Ids ids, Supplier<T> work, Consumer<T> afterCommit, MonoSink<T> sink) {
            this.ids = ids;
            this.work = work;
            this.afterCommit = afterCommit;
            this.sink = sink;
        }

        Object apply() {
            return CorrelationLogging.with(ids, work);
        }

        @SuppressWarnings("unchecked")
        void committed(Object answer) {
            T typed = (T) answer;
            try {
                CorrelationLogging.with(ids, () -> {
                    afterCommit.accept(typed);
                    return null;
                });
            } finally {
                sink.success(typed);
            }
        }
    }
}
