package com.leadflow.intake.timeline;

import java.time.Instant;
import java.util.UUID;

/** A PHI-free notice that a lead's timeline grew, pushed to care managers' event streams. */
public record LeadChange(UUID leadId, String stage, String status, Instant occurredAt) {
}
