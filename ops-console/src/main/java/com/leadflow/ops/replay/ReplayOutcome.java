package com.leadflow.ops.replay;

import com.leadflow.ops.deadletter.DeadLetter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a replay did, record by record, as audited. */
public record ReplayOutcome(UUID replayId, Instant requestedAt, Instant finishedAt, String actor, String reason,
        String selection, int replayed, int parked, int failed, String result, List<Item> items) {

    public enum Result { REPLAYED, PARKED, FAILED }

    public record Item(DeadLetter.Coordinates deadLetter, String leadId, String eventId, String targetTopic,
            int replayCount, Result result, Integer newPartition, Long newOffset, String note) {
    }
}
