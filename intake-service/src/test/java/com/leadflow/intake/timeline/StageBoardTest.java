package com.leadflow.intake.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageBoardTest {

    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    static TimelineEntry entry(int minute, int arrived, String stage, String status) {
        return new TimelineEntry(T.plusSeconds(60L * minute), T.plusSeconds(3600 + arrived), "X", stage, status, "", null, null);
    }

    @Test
    void aLateOlderReportNeverReplacesANewerStatus() {
        List<TimelineEntry> arrivals = List.of(
                entry(1, 1, "REVIEW", "REVIEW_QUEUED"),
                entry(5, 2, "REVIEW", "REVIEW_COMPLETED"),
                entry(3, 3, "REVIEW", "REVIEW_IN_PROGRESS"),
                entry(2, 4, "INSURANCE", "INSURANCE_VERIFIED"),
                entry(1, 5, "INSURANCE", "INSURANCE_VERIFICATION_STARTED"));

        assertThat(StageBoard.current(arrivals)).extracting(StageStatus::stage, StageStatus::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("REVIEW", "REVIEW_COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("INSURANCE", "INSURANCE_VERIFIED"));
        assertThat(StageBoard.ordered(arrivals)).extracting(TimelineEntry::status).containsExactly(
                "REVIEW_QUEUED", "INSURANCE_VERIFICATION_STARTED", "INSURANCE_VERIFIED", "REVIEW_IN_PROGRESS",
                "REVIEW_COMPLETED");
    }

    @Test
    void aReportAtTheSameMomentKeepsTheFirstArrival() {
        StageStatus current = new StageStatus("REVIEW", "REVIEW_COMPLETED", T);
        assertThat(StageBoard.supersedes(new StageStatus("REVIEW", "REVIEW_QUEUED", T), current)).isFalse();
        assertThat(StageBoard.supersedes(new StageStatus("REVIEW", "REVIEW_QUEUED", T.plusMillis(1)), current)).isTrue();
        assertThat(StageBoard.supersedes(current, null)).isTrue();
    }

    @Test
    void aStageKeepsTheResultOfItsLatestReportThatHadOneEvenWhenALaterReportArrivedFirst() {
        var completed = new TimelineEntry(T.plusSeconds(300), T.plusSeconds(3700), "REVIEW", "REVIEW", "REVIEW_COMPLETED",
                "", null, java.util.Map.of("outcome", "CANDIDATE"));
        var queued = new TimelineEntry(T.plusSeconds(60), T.plusSeconds(3800), "REVIEW", "REVIEW", "REVIEW_QUEUED", "",
                null, java.util.Map.of("priority", "ROUTINE"));
        var noDetails = entry(10, 9, "REVIEW", "REVIEW_COMPLETED");

        assertThat(StageBoard.results(List.of(completed, queued, noDetails)))
                .containsExactly(java.util.Map.entry("REVIEW", java.util.Map.of("outcome", "CANDIDATE")));
    }
}
