package com.leadflow.ops.deadletter;

import java.time.Instant;
import java.util.Map;

/**
 * What the console knows of one dead letter: where it is, where it came from, why, and the
 * allow-listed headers. Never its value: only the schema id of the value's framing and its size.
 *
 * @param leadId the record key (a lead id on every lead topic)
 * @param replayCount how often the event had been replayed before it died this time (its replay-count header)
 */
public record DeadLetter(
        String topic, int partition, long offset, Instant at,
        String leadId, String originalTopic, String group, String reason,
        String eventType, String eventId, String correlationId, Integer schemaId, int valueSize,
        int replayCount, Map<String, String> headers) {

    public Coordinates coordinates() {
        return new Coordinates(topic, partition, offset);
    }

    /** A dead letter's place on its dead-letter topic: the one thing that names it. */
    public record Coordinates(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + "/" + partition + "@" + offset;
        }
    }
}
