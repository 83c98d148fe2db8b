package com.leadflow.ops.replay;

import com.leadflow.ops.deadletter.DeadLetter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a replay would do, shown by the dry run and carried out as shown: each dead letter goes
 * back to its original topic, or is parked because the event has been replayed too often.
 */
public record ReplayPlan(UUID planId, Instant plannedAt, String plannedBy, String selection, int toReplay,
        int toPark, List<Item> items) {

    public enum Action { REPLAY, PARK }

    /**
     * @param timesReplayed how often this dead letter was replayed through the console already
     * @param replayCount the replay count the replayed record would carry
     */
    public record Item(DeadLetter.Coordinates deadLetter, String leadId, String eventId, String eventType,
            String originalTopic, String group, String reason, Instant diedAt, int timesReplayed, int replayCount,
            Action action, String note) {
    }
}
