package com.leadflow.intake.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead's stages as the care manager sees them. Services report in any order and a report may
 * arrive late: each stage shows the status that happened last, so an older report never replaces a
 * newer one. History is ordered by when things happened.
 */
public final class StageBoard {

    private StageBoard() {
    }

    /** Whether a report that happened at {@code candidate} replaces the stage's current one. */
    public static boolean supersedes(StageStatus candidate, StageStatus current) {
        return current == null || candidate.occurredAt().isAfter(current.occurredAt());
    }

    /** Each stage's current status from a lead's whole history, in the order the stages started. */
    public static List<StageStatus> current(List<TimelineEntry> history) {
        Map<String, StageStatus> byStage = new LinkedHashMap<>();
        for (TimelineEntry entry : ordered(history)) {
            StageStatus candidate = new StageStatus(entry.stage(), entry.status(), entry.occurredAt());
            if (supersedes(candidate, byStage.get(entry.stage()))) {
                byStage.put(entry.stage(), candidate);
            }
        }
        return List.copyOf(byStage.values());
    }

    /**
     * What each stage last produced: the result of its latest report that carried one, so a review's
     * outcome stays shown when a later report of the stage brings no details.
     */
    public static Map<String, Map<String, Object>> results(List<TimelineEntry> history) {
        Map<String, Map<String, Object>> byStage = new LinkedHashMap<>();
        for (TimelineEntry entry : ordered(history)) {
            if (entry.result() != null) {
                byStage.put(entry.stage(), entry.result());
            }
        }
        return byStage;
    }

    /** The history by when each step happened; ties keep arrival order. */
    public static List<TimelineEntry> ordered(List<TimelineEntry> history) {
        List<TimelineEntry> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::recordedAt));
        return List.copyOf(sorted);
    }
}
