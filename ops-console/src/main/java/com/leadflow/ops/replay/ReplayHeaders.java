package com.leadflow.ops.replay;

/**
 * Headers a replayed record carries besides the original ones: who replayed it, which dead
 * letter it came from, and how often this event has been replayed (the cap counts these).
 */
public final class ReplayHeaders {

    public static final String REPLAYED_BY = "leadflow-replayed-by";
    /** The dead letter replayed, as {@code <dead-letter topic>/<partition>@<offset>}. */
    public static final String REPLAY_OF = "leadflow-replay-of";
    public static final String REPLAY_COUNT = "leadflow-replay-count";

    private ReplayHeaders() {
    }

    /** Spring's dead-letter (and deserializer exception) headers and our reason: removed before a dead letter goes back to its topic. */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.startsWith("springDeserializerException")
                || name.equals(com.leadflow.platform.kafka.EventHeaders.DLT_REASON);
    }
}
