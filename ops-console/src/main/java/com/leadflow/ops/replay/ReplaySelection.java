package com.leadflow.ops.replay;

import java.time.Instant;
import java.util.List;

/**
 * Which dead letters to replay: named one by one, or a group by original topic (required then),
 * consuming group, reason and the time they died.
 */
public record ReplaySelection(List<Named> deadLetters, String originalTopic, String group, String reason,
        Instant from, Instant to) {

    public ReplaySelection {
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
    }

    public boolean byName() {
        return !deadLetters.isEmpty();
    }

    /** In plain words, for the audit row. */
    public String describe() {
        if (byName()) {
            return deadLetters.size() == 1 ? "dead letter " + deadLetters.get(0)
                    : deadLetters.size() + " dead letters named one by one";
        }
        StringBuilder text = new StringBuilder("dead letters of ").append(originalTopic);
        if (group != null) {
            text.append(", group ").append(group);
        }
        if (reason != null) {
            text.append(", reason \"").append(reason).append('"');
        }
        if (from != null) {
            text.append(", from ").append(from);
        }
        if (to != null) {
            text.append(", to ").append(to);
        }
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text.toString();
    }

    /** One dead letter by its place on its dead-letter topic. */
    public record Named(String topic, Integer partition, Long offset) {

        @Override
        public String toString() {
            return topic + "/" + partition + "@" + offset;
        }
    }
}
