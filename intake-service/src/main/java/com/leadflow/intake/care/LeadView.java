package com.leadflow.intake.care;

import com.leadflow.intake.timeline.StageStatus;
import com.leadflow.intake.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead as a care manager sees it: the submission, its evidence, its stages and its history. */
public record LeadView(UUID id, Instant submittedAt, List<String> requestedServices, UUID possibleDuplicateOf,
        Map<String, Object> details, Map<String, Object> consent, Map<String, Object> attribution,
        Instant firstContactedAt, String currentStage, String currentStatus, List<StageStatus> stages,
        List<TimelineEntry> timeline) {
}
