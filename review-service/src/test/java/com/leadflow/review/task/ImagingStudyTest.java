package com.leadflow.review.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagingStudyTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    private static ImagingStudy takenOn(String date) {
        return new ImagingStudy("img-" + date, "MRI", "DICOM", 1000, date == null ? null : LocalDate.parse(date), Instant.EPOCH);
    }

    @Test
    void aStudyOlderThanTwelveMonthsIsStale() {
        assertThat(takenOn("2025-11-24").isStale(TODAY)).isTrue();
        assertThat(takenOn("2025-11-25").isStale(TODAY)).isFalse();
        assertThat(takenOn("2026-06-01").isStale(TODAY)).isFalse();
    }

    @Test
    void anUndatedStudyIsNotFlaggedStale() {
        assertThat(takenOn(null).isStale(TODAY)).isFalse();
    }

    @Test
    void oneRecentStudyKeepsAReviewFresh() {
        List<ImagingStudy> studies = List.of(takenOn("2023-01-01"), takenOn("2026-10-01"), takenOn(null));
        assertThat(ImagingStudy.isStale(ImagingStudy.latestStudyDate(studies), TODAY)).isFalse();
    }

    @Test
    void aReviewWhoseDatedStudiesAreAllOldHasStaleImaging() {
        List<ImagingStudy> studies = List.of(takenOn("2023-01-01"), takenOn("2024-05-01"), takenOn(null));
        assertThat(ImagingStudy.latestStudyDate(studies)).isEqualTo(LocalDate.parse("2024-05-01"));
        assertThat(ImagingStudy.isStale(ImagingStudy.latestStudyDate(studies), TODAY)).isTrue();
    }
}
