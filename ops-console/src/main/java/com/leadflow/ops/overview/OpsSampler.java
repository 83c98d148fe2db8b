package com.leadflow.ops.overview;

import com.leadflow.ops.alert.AlertBoard;
import com.leadflow.ops.alert.OpsMetrics;
import com.leadflow.ops.deadletter.DeadLetterBoard;
import com.leadflow.ops.deadletter.DeadLetterInbox;
import com.leadflow.ops.deadletter.DeadLetterSummary;
import com.leadflow.ops.flow.FlowSampler;
import com.leadflow.ops.flow.FlowSnapshot;
import com.leadflow.ops.health.ComponentStatus;
import com.leadflow.ops.health.StackProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Takes a sample of the whole stack every interval on one thread of its own, and publishes it
 * whole: the page, the API and the gauges read the latest sample and never wait for the broker.
 * Between samples the console does nothing, which keeps it idle on a busy machine.
 */
public class OpsSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpsSampler.class);

    private final FlowSampler flow;
    private final DeadLetterInbox inbox;
    private final DeadLetterBoard board;
    private final StackProbe probe;
    private final AlertBoard alerts;
    private final OpsMetrics metrics;
    private final Duration interval;
    private final Clock clock;
    private final Runnable beforeFirstSample;
    private volatile OpsState state = OpsState.starting();
    private volatile ScheduledExecutorService executor;
    private String lastProblem;

    public OpsSampler(FlowSampler flow, DeadLetterInbox inbox, DeadLetterBoard board, StackProbe probe,
            AlertBoard alerts, OpsMetrics metrics, Duration interval, Clock clock, Runnable beforeFirstSample) {
        this.beforeFirstSample = beforeFirstSample;
        this.flow = flow;
        this.inbox = inbox;
        this.board = board;
        this.probe = probe;
        this.alerts = alerts;
        this.metrics = metrics;
        this.interval = interval;
        this.clock = clock;
    }

    public OpsState state() {
        return state;
    }

    void sample() {
        FlowSnapshot snapshot = state.flow();
        String problem = null;
        try {
            snapshot = flow.sample();
            Map<String, Integer> partitions = new LinkedHashMap<>();
            snapshot.topics().forEach(topic -> partitions.put(topic.name(), topic.partitions()));
            inbox.refresh(partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            problem = "The broker did not answer the last sample (" + e.getClass().getSimpleName() + ")";
        }
        List<ComponentStatus> components = probe.probe();
        DeadLetterSummary deadLetters = board.summarize(inbox.all());
        var now = clock.instant();
        var next = new OpsState(now, snapshot, deadLetters, components,
                alerts.evaluate(snapshot, deadLetters, components, now), problem);
        state = next;
        metrics.update(next);
        if (problem != null && !problem.equals(lastProblem)) {
            log.warn(problem);
        }
        lastProblem = problem;
    }

    @Override
    public void start() {
        beforeFirstSample.run();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ops-sampler");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                log.warn("A sample failed: {}", e.getClass().getName());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flow.close();
        inbox.close();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
