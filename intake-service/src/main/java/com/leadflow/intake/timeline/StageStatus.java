package com.leadflow.intake.timeline;

import java.time.Instant;

/** Where one stage of a lead stands: its latest status by when it happened, not when it arrived. */
public record StageStatus(String stage, String status, Instant occurredAt) {
}
