package com.leadflow.ops.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every record of one lead on the lead topics and dead-letter topics within a time window, in
 * time order: where the lead has been, and which groups have read past each record.
 *
 * @param truncatedPartitions partitions where the scan stopped at its limit before the window's end
 */
public record LeadTrace(String leadId, Instant from, Instant to, List<Step> steps, List<String> scanned,
        List<String> truncatedPartitions) {

    /**
     * @param reporter who wrote the record: its {@code leadflow-source} header, else the topic's writer in the catalog
     * @param groups for each group with a committed offset on the partition: whether it has read past this record
     * @param traceId the W3C trace id of the record's {@code traceparent} header: the trace to look up in the
     *     tracing back end (one per submission, across every service)
     * @param deadLetterReason why the record is a dead letter, on a dead-letter topic
     */
    public record Step(Instant at, String topic, int partition, long offset, String eventType, String reporter,
            String eventId, String correlationId, String traceId, Map<String, Boolean> groups, String deadLetterReason,
            String deadLetterGroup) {
    }
}
