package com.leadflow.ops.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The dead-letter inbox at a glance: per dead-letter topic and per original topic × consuming
 * group × reason.
 */
public record DeadLetterSummary(Map<String, TopicDepth> byTopic, List<Group> groups) {

    public static DeadLetterSummary empty() {
        return new DeadLetterSummary(Map.of(), List.of());
    }

    /**
     * @param waiting dead letters not replayed yet and not parked
     * @param newestAt when the newest waiting one died, or null
     */
    public record TopicDepth(int total, int waiting, int parked, Instant newestAt) {
    }

    /**
     * @param oldestWaitingAt when the oldest dead letter of the group still waiting died, or null
     */
    public record Group(String originalTopic, String group, String reason, int count, int waiting, int replayed,
            int parked, Instant firstSeen, Instant lastSeen, Instant oldestWaitingAt) {
    }
}
