package com.leadflow.intake.care;

import com.leadflow.intake.timeline.StageStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the care manager's inbox: who to reach and how, what they asked for, where each stage
 * stands, who works the lead and how long the visitor has waited.
 */
public record LeadSummary(UUID id, Instant submittedAt, String name, String phone, String email,
        String preferredChannel, String preferredTime, List<String> requestedServices, String currentStage,
        String currentStatus, List<StageStatus> stages, UUID possibleDuplicateOf, String owner,
        SpeedToLead speedToLead) {

    LeadSummary withStages(List<StageStatus> byStage) {
        return new LeadSummary(id, submittedAt, name, phone, email, preferredChannel, preferredTime, requestedServices,
                currentStage, currentStatus, byStage, possibleDuplicateOf, owner, speedToLead);
    }
}
