package com.leadflow.review.task;

import com.leadflow.events.Condition;
import com.leadflow.events.InformationNeeded;
import com.leadflow.events.NextStep;
import com.leadflow.events.Procedure;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.events.ReviewPriority;
import com.leadflow.platform.db.Columns;
import com.leadflow.review.outcome.ReviewDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Turns review rows into records and back, whichever driver read them ({@link Columns}: R2DBC for
 * HTTP, JDBC for the consumers); lists of enum names are kept comma-separated.
 */
final class ReviewTaskRows {

    private ReviewTaskRows() {
    }

    static ReviewTask task(Columns row) {
        ClinicalSummary clinical = new ClinicalSummary(
                Condition.valueOf(row.get("spine_condition", String.class)),
                split(row.get("symptoms", String.class)),
                split(row.get("red_flags", String.class)),
                row.get("pain_level", Integer.class),
                row.get("pain_duration", String.class),
                split(row.get("treatments_tried", String.class)),
                enumOrNull(Procedure.class, row.get("procedure_of_interest", String.class)),
                row.get("age", Integer.class));
        String outcome = row.get("outcome", String.class);
        ReviewDecision decision = outcome == null ? null : new ReviewDecision(ReviewOutcome.valueOf(outcome),
                enumOrNull(Procedure.class, row.get("recommended_procedure", String.class)),
                enumOrNull(NextStep.class, row.get("next_step", String.class)),
                enumOrNull(InformationNeeded.class, row.get("information_needed", String.class)),
                row.get("notes", String.class));
        return new ReviewTask(row.get("review_id", String.class), row.get("lead_id", String.class),
                ReviewStatus.valueOf(row.get("status", String.class)),
                ReviewPriority.valueOf(row.get("priority", String.class)), clinical,
                instant(row, "submitted_at"), instant(row, "queued_at"), instant(row, "due_at"),
                instant(row, "deadline_missed_at"), row.get("latest_study_date", LocalDate.class),
                row.get("claimed_by", String.class), instant(row, "lease_expires_at"), instant(row, "first_claimed_at"),
                decision, row.get("completed_by", String.class), instant(row, "completed_at"));
    }

    static ImagingStudy imaging(Columns row) {
        return new ImagingStudy(row.get("imaging_id", String.class), row.get("modality", String.class),
                row.get("file_format", String.class), row.get("size_bytes", Long.class),
                row.get("study_date", LocalDate.class), instant(row, "uploaded_at"),
                row.get("study_description", String.class), row.get("body_part", String.class), List.of());
    }

    static ImagingStudy.Series series(Columns row) {
        return new ImagingStudy.Series(row.get("series_index", Integer.class), row.get("series_uid", String.class),
                row.get("series_number", Integer.class), row.get("modality", String.class),
                row.get("description", String.class), row.get("body_part", String.class),
                row.get("image_count", Integer.class));
    }

    static Instant instant(Columns row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static String join(List<String> names) {
        return String.join(",", names);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
