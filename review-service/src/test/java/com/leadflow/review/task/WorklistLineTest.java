package com.leadflow.review.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorklistLineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aStudyReadsAsWhatWhereHowManySeriesAndHowOld() {
        ImagingStudy mri = study("MRI", "LSPINE", LocalDate.of(2026, 8, 1), 3);
        assertThat(WorklistLine.imaging(List.of(mri), TODAY)).isEqualTo("MRI lumbar spine, 3 series, 4 months old");
        assertThat(WorklistLine.imaging(List.of(study("CT", null, null, 1)), TODAY)).isEqualTo("CT, 1 series, date not known");
        assertThat(WorklistLine.imaging(List.of(), TODAY)).isEqualTo("no imaging");
    }

    @Test
    void theNewestStudyStandsForTheRest() {
        var old = study("MRI", "LSPINE", LocalDate.of(2023, 1, 1), 2);
        var recent = study("MRI", "CSPINE", LocalDate.of(2026, 11, 10), 4);
        assertThat(WorklistLine.imaging(List.of(old, recent), TODAY)).isEqualTo("MRI cervical spine, 4 series, taken this month");
        assertThat(WorklistLine.imaging(List.of(old), TODAY)).endsWith("3 years old");
    }

    @Test
    void aRedFlagOutranksEverySymptom() {
        var clinical = new ClinicalSummary(Condition.HERNIATED_DISC, List.of("LOWER_BACK_PAIN", "SCIATIC_PAIN"),
                List.of("BOWEL_OR_BLADDER_CHANGES"), 7, "UNKNOWN", List.of(), null, 52);
        assertThat(WorklistLine.worst(clinical)).isEqualTo("red flag: bowel or bladder changes");
        var noFlags = new ClinicalSummary(Condition.HERNIATED_DISC, List.of("LOWER_BACK_PAIN", "SCIATIC_PAIN"),
                List.of(), 7, "UNKNOWN", List.of(), null, 52);
        assertThat(WorklistLine.worst(noFlags)).isEqualTo("lower back pain (+1)");
    }

    @Test
    void agesAreShownAsBands() {
        assertThat(WorklistLine.ageBand(19)).isEqualTo("under 30");
        assertThat(WorklistLine.ageBand(52)).isEqualTo("50s");
        assertThat(WorklistLine.ageBand(87)).isEqualTo("80 and over");
    }

    private static ImagingStudy study(String modality, String bodyPart, LocalDate taken, int series) {
        List<ImagingStudy.Series> list = java.util.stream.IntStream.range(0, series)
                .mapToObj(i -> new ImagingStudy.Series(i, "1.2." + i, i + 1, "MR", "S" + i, bodyPart, 10)).toList();
        return new ImagingStudy("img-1", modality, "DICOM", 1000, taken, Instant.parse("2026-11-20T15:00:00Z"), null,
                bodyPart, list);
    }
}
