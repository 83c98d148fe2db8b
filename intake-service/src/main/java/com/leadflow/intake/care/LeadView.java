package com.leadflow.intake.care;

import com.leadflow.intake.timeline.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lead as a care manager sees it: the submission (contact, preferences, clinical answers,
 * insurance), its consent and attribution evidence, where each stage stands and what it produced,
 * the imaging, possible duplicates, who works it, the speed-to-lead clock, notes and the history.
 *
 * @param laterDuplicates leads submitted later with the same email or phone, pointing at this one
 */
public record LeadView(UUID id, Instant submittedAt, List<String> requestedServices, UUID possibleDuplicateOf,
        List<UUID> laterDuplicates, Map<String, Object> details, Map<String, Object> consent,
        Map<String, Object> attribution, Instant firstContactedAt, String owner, SpeedToLead speedToLead,
        String currentStage, String currentStatus, List<Stage> stages, List<Imaging> imaging,
        List<LeadNotes.Note> notes, List<TimelineEntry> timeline) {

    /** A stage's current status and what the stage last produced (null while it produced nothing). */
    public record Stage(String stage, String status, Instant occurredAt, Map<String, Object> result) {
    }

    /** An imaging file's description; the bytes are for clinicians ({@code /api/imaging/{id}}). */
    public record Imaging(UUID id, String modality, String format, long sizeBytes, LocalDate studyDate,
            Instant uploadedAt) {
    }
}
