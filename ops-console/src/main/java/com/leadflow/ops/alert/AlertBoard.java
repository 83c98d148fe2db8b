package com.leadflow.ops.alert;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.deadletter.DeadLetterSummary;
import com.leadflow.ops.flow.FlowSnapshot;
import com.leadflow.ops.health.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the alerts on each sample, as Prometheus would with the shipped rules: a condition
 * that holds for the hold time fires; one that stops holding resolves at once.
 */
public class AlertBoard {

    private final OpsProperties.Alerts thresholds;
    private final Duration stallAfter;
    private final Map<String, Instant> trueSince = new HashMap<>();

    public AlertBoard(OpsProperties properties) {
        this.thresholds = properties.alerts();
        this.stallAfter = properties.stallAfter();
    }

    public List<Alert> evaluate(FlowSnapshot flow, DeadLetterSummary deadLetters, List<ComponentStatus> components,
            Instant now) {
        List<Alert> alerts = new ArrayList<>();
        alerts.add(alert("LeadflowConsumerLagging", "A consumer group is behind",
                "lag over " + seconds(thresholds.lagSeconds()) + " for " + minutes(thresholds.forDuration()),
                flow.groups().stream().filter(g -> g.lagSeconds() > thresholds.lagSeconds())
                        .map(g -> g.group() + " on " + g.topic()).toList(), true, now));
        alerts.add(alert("LeadflowConsumerStalled", "A consumer group is stuck",
                "lag, and no committed offset moved for " + minutes(stallAfter),
                flow.groups().stream().filter(FlowSnapshot.GroupLag::stalled)
                        .map(g -> g.group() + " on " + g.topic()).toList(), false, now));
        alerts.add(alert("LeadflowDeadLetters", "Dead letters wait for a look",
                "any dead letter not replayed (parked ones excepted)",
                deadLetters.byTopic().entrySet().stream().filter(e -> e.getValue().waiting() > 0)
                        .map(e -> e.getValue().waiting() + " on " + e.getKey()).toList(), false, now));
        alerts.add(alert("LeadflowOutboxBehind", "A service is not publishing its events",
                "oldest unpublished outbox row older than " + seconds(thresholds.outboxOldestSeconds()),
                components.stream().filter(c -> c.outbox() != null
                                && c.outbox().oldestAgeSeconds() > thresholds.outboxOldestSeconds())
                        .map(ComponentStatus::name).toList(), false, now));
        alerts.add(alert("LeadflowComponentDown", "A part of the stack is down",
                "not healthy for " + minutes(thresholds.forDuration()),
                components.stream().filter(c -> !c.up()).map(ComponentStatus::name).toList(), true, now));
        return List.copyOf(alerts);
    }

    private Alert alert(String name, String title, String threshold, List<String> subjects, boolean hold,
            Instant now) {
        if (subjects.isEmpty()) {
            trueSince.remove(name);
            return new Alert(name, title, threshold, "ok", null, List.of());
        }
        Instant since = trueSince.computeIfAbsent(name, n -> now);
        boolean firing = !hold || !Duration.between(since, now).minus(thresholds.forDuration()).isNegative();
        return new Alert(name, title, threshold, firing ? "firing" : "pending", since, subjects);
    }

    static String seconds(double value) {
        return value >= 120 && value % 60 == 0 ? (long) (value / 60) + " minutes"
                : (long) value + (value == 1 ? " second" : " seconds");
    }

    static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + (duration.toMinutes() == 1 ? " minute" : " minutes")
                : duration.toSeconds() + (duration.toSeconds() == 1 ? " second" : " seconds");
    }
}
