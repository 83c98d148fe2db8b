package com.leadflow.intake.timeline;

import java.time.Instant;

/**
 * One step in a lead's history. Summaries are plain words free of PHI; {@code actor} names the
 * person who recorded an intake step (a contact attempt), null for service reports.
 */
public record TimelineEntry(Instant occurredAt, Instant recordedAt, String reporter, String stage, String status,
        String summary, String actor) {
}
