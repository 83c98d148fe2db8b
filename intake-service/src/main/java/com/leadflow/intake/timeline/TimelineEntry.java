package com.leadflow.intake.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One step in a lead's history. Summaries are plain words free of PHI; {@code actor} names the
 * person who recorded an intake step (a contact attempt), null for service reports; {@code result} is
 * what the stage produced (see {@link StageResults}), null when the report carried nothing more.
 */
public record TimelineEntry(Instant occurredAt, Instant recordedAt, String reporter, String stage, String status,
        String summary, String actor, Map<String, Object> result) {
}
