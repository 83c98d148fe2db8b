package com.leadflow.review.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * A reference to an uploaded study; the file itself stays with intake.
 *
 * @param studyDate when the study was taken, if the visitor said (null when unknown)
 */
public record ImagingStudy(String imagingId, String modality, String format, long sizeBytes, LocalDate studyDate,
        Instant uploadedAt) {

    /** How old a study may be before a clinician should ask for newer imaging. */
    public static final int STALE_AFTER_MONTHS = 12;

    /** A study taken more than 12 months before {@code today} is stale; an undated one is not known to be. */
    public boolean isStale(LocalDate today) {
        return isStale(studyDate, today);
    }

    /**
     * A review's imaging is stale when its most recent dated study is stale: one recent study is
     * enough to review on, and undated studies prove nothing either way.
     */
    public static boolean isStale(LocalDate latestStudyDate, LocalDate today) {
        return latestStudyDate != null && latestStudyDate.isBefore(today.minusMonths(STALE_AFTER_MONTHS));
    }

    /** The date of the most recent dated study, or null when none is dated. */
    public static LocalDate latestStudyDate(Collection<ImagingStudy> studies) {
        return studies.stream().map(ImagingStudy::studyDate).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
    }
}
