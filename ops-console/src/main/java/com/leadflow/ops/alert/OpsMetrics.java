package com.leadflow.ops.alert;

import com.leadflow.ops.overview.OpsState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's gauges, for Prometheus and its alert rules (deploy/prometheus/). Rows follow the
 * groups, topics and services of the latest sample, so a group that is gone stops being reported.
 */
public class OpsMetrics {

    private final MultiGauge lagSeconds;
    private final MultiGauge lagRecords;
    private final MultiGauge stalled;
    private final MultiGauge deadLettersWaiting;
    private final MultiGauge deadLettersParked;
    private final MultiGauge deadLetterNewestAge;
    private final MultiGauge outboxPending;
    private final MultiGauge outboxOldestAge;
    private final MultiGauge componentUp;

    public OpsMetrics(MeterRegistry meters) {
        lagSeconds = gauge(meters, "leadflow.ops.consumer.lag.seconds", "Now minus the timestamp of the next record the group will read");
        lagRecords = gauge(meters, "leadflow.ops.consumer.lag.records", "Records the group has yet to read");
        stalled = gauge(meters, "leadflow.ops.consumer.stalled", "1 when the group has lag and its offsets have not moved for the stall time");
        deadLettersWaiting = gauge(meters, "leadflow.ops.deadletters.waiting", "Dead letters neither replayed nor parked");
        deadLettersParked = gauge(meters, "leadflow.ops.deadletters.parked", "Dead letters replayed as often as the cap allows");
        deadLetterNewestAge = gauge(meters, "leadflow.ops.deadletters.newest.age.seconds", "Age of the newest waiting dead letter");
        outboxPending = gauge(meters, "leadflow.ops.outbox.pending", "A service's unpublished outbox rows");
        outboxOldestAge = gauge(meters, "leadflow.ops.outbox.oldest.age.seconds", "Age of a service's oldest unpublished outbox row");
        componentUp = gauge(meters, "leadflow.ops.component.up", "1 when the service, broker or registry reports healthy");
    }

    private static MultiGauge gauge(MeterRegistry meters, String name, String description) {
        return MultiGauge.builder(name).description(description).register(meters);
    }

    public void update(OpsState state) {
        Instant now = state.sampledAt() == null ? Instant.now() : state.sampledAt();
        List<Row<?>> seconds = new ArrayList<>();
        List<Row<?>> records = new ArrayList<>();
        List<Row<?>> stalls = new ArrayList<>();
        state.flow().groups().forEach(group -> {
            Tags tags = Tags.of("group", group.group(), "topic", group.topic());
            seconds.add(Row.of(tags, group.lagSeconds()));
            records.add(Row.of(tags, group.lagRecords()));
            stalls.add(Row.of(tags, group.stalled() ? 1 : 0));
        });
        lagSeconds.register(seconds, true);
        lagRecords.register(records, true);
        stalled.register(stalls, true);

        List<Row<?>> waiting = new ArrayList<>();
        List<Row<?>> parked = new ArrayList<>();
        List<Row<?>> newest = new ArrayList<>();
        // every dead-letter topic reports, empty ones with 0, so a rule can tell "none" from "not scraped"
        state.flow().topics().stream().filter(topic -> topic.deadLetterTopic()).forEach(topic -> {
            var depth = state.deadLetters().byTopic().get(topic.name());
            Tags tags = Tags.of("topic", topic.name());
            waiting.add(Row.of(tags, depth == null ? 0 : depth.waiting()));
            parked.add(Row.of(tags, depth == null ? 0 : depth.parked()));
            newest.add(Row.of(tags, depth == null || depth.newestAt() == null ? 0
                    : Math.max(0, Duration.between(depth.newestAt(), now).toSeconds())));
        });
        deadLettersWaiting.register(waiting, true);
        deadLettersParked.register(parked, true);
        deadLetterNewestAge.register(newest, true);

        List<Row<?>> pending = new ArrayList<>();
        List<Row<?>> oldest = new ArrayList<>();
        List<Row<?>> up = new ArrayList<>();
        state.components().forEach(component -> {
            Tags tags = Tags.of("service", component.name());
            if (component.outbox() != null) {
                pending.add(Row.of(tags, component.outbox().pending()));
                oldest.add(Row.of(tags, component.outbox().oldestAgeSeconds()));
            }
            up.add(Row.of(Tags.of("component", component.name(), "kind", component.kind()), component.up() ? 1 : 0));
        });
        outboxPending.register(pending, true);
        outboxOldestAge.register(oldest, true);
        componentUp.register(up, true);
    }
}
