package com.leadflow.review.task;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a worklist row says so that clinicians can tell reviews apart at a glance, in words: the
 * age band, the worst thing the patient reported, and the imaging ("MRI lumbar spine, 3 series,
 * 4 months old"). No name or exact age.
 */
public final class WorklistLine {

    private static final Map<String, String> BODY_PARTS = Map.of("LSPINE", "lumbar spine", "CSPINE", "cervical spine",
            "TSPINE", "thoracic spine", "SPINE", "spine");
    private static final Map<String, String> MODALITIES = Map.of("MRI", "MRI", "CT", "CT", "XRAY", "X-ray");

    private WorklistLine() {
    }

    /** "40s", "under 30" for the young adults the practice sees, "80 and over". */
    public static String ageBand(int age) {
        if (age < 30) {
            return "under 30";
        }
        if (age >= 80) {
            return "80 and over";
        }
        return (age / 10 * 10) + "s";
    }

    /** A red flag outranks every symptom; the first one the visitor ticked stands for the rest. */
    public static String worst(ClinicalSummary clinical) {
        String first = !clinical.redFlags().isEmpty() ? clinical.redFlags().get(0)
                : !clinical.symptoms().isEmpty() ? clinical.symptoms().get(0) : null;
        if (first == null) {
            return null;
        }
        String words = first.replace('_', ' ').toLowerCase(Locale.ROOT);
        int more = (clinical.redFlags().isEmpty() ? clinical.symptoms().size() : clinical.redFlags().size()) - 1;
        return (clinical.redFlags().isEmpty() ? "" : "red flag: ") + words + (more > 0 ? " (+" + more + ")" : "");
    }

    /** The newest study in words, or the reports there are; "no imaging" when there is none. */
    public static String imaging(List<ImagingStudy> imaging, LocalDate today) {
        ImagingStudy study = imaging.stream().filter(s -> !s.series().isEmpty())
                .max(Comparator.comparing(ImagingStudy::studyDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        if (study == null) {
            long reports = imaging.size();
            return reports == 0 ? "no imaging" : reports + (reports == 1 ? " report or picture" : " reports or pictures");
        }
        String what = String.join(" ", Stream.of(MODALITIES.getOrDefault(study.modality(), "imaging"),
                bodyPart(study.bodyPart())).filter(Objects::nonNull).toList());
        int series = study.series().size();
        return what + ", " + series + (series == 1 ? " series, " : " series, ") + age(study.studyDate(), today);
    }

    private static String bodyPart(String code) {
        return code == null ? null : BODY_PARTS.getOrDefault(code.toUpperCase(Locale.ROOT), code.toLowerCase(Locale.ROOT));
    }

    static String age(LocalDate taken, LocalDate today) {
        if (taken == null) {
            return "date not known";
        }
        int months = (int) Period.between(taken, today).toTotalMonths();
        if (months <= 0) {
            return "taken this month";
        }
        if (months < 24) {
            return months + (months == 1 ? " month old" : " months old");
        }
        return months / 12 + " years old";
    }
}
