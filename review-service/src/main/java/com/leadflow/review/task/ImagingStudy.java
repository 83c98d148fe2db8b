package com.leadflow.review.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A reference to an uploaded study or report; the files themselves stay with intake.
 *
 * @param studyDate when the study was taken: from the DICOM tags, else as the visitor said (null when unknown)
 * @param bodyPart the body part examined as the scanner wrote it (e.g. LSPINE), for a DICOM study
 * @param series a DICOM study's series in the order intake serves them; empty for a report
 */
public record ImagingStudy(String imagingId, String modality, String format, long sizeBytes, LocalDate studyDate,
        Instant uploadedAt, String studyDescription, String bodyPart, List<Series> series) {

    /**
     * One series of a study.
     *
     * @param index its place in the study, as intake addresses it
     * @param modality the DICOM modality code (MR, CT, ...)
     */
    public record Series(int index, String seriesUid, Integer seriesNumber, String modality, String description,
            String bodyPart, int imageCount) {
    }

    public ImagingStudy {
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** A single file with no DICOM study tags. */
    public ImagingStudy(String imagingId, String modality, String format, long sizeBytes, LocalDate studyDate,
            Instant uploadedAt) {
        this(imagingId, modality, format, sizeBytes, studyDate, uploadedAt, null, null, List.of());
    }

    public ImagingStudy withSeries(List<Series> loaded) {
        return new ImagingStudy(imagingId, modality, format, sizeBytes, studyDate, uploadedAt, studyDescription, bodyPart,
                loaded);
    }

    /** How many images a study holds over all its series. */
    public int imageCount() {
        return series.stream().mapToInt(Series::imageCount).sum();
    }

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
