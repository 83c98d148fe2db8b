package com.leadflow.intake.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the care manager's list: who to call, what they asked for, and how long they have waited. */
public record LeadSummary(UUID id, Instant submittedAt, String name, String phone, String email,
        String preferredChannel, String preferredTime, List<String> requestedServices, String currentStage,
        String currentStatus, UUID possibleDuplicateOf, Instant firstContactedAt, SpeedToLead speedToLead) {
}
