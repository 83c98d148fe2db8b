package com.leadflow.intake.status;

import com.leadflow.intake.timeline.StageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The visitor's steps: the request itself, then one step per service they asked for, always in the
 * form's order (review, insurance, info kit, call, past patient) whatever order the services report
 * in. A service the visitor did not ask for never appears, even when it reported (insurance answers
 * "not provided" for every lead without insurance details), and the care team's own stages
 * (messages) are theirs.
 */
public final class VisitorSteps {

    /** The request's stage, then each requested service's, in the order the visitor sees them. */
    static final List<Map.Entry<String, String>> ORDER = List.of(
            Map.entry("MRI_CT_REVIEW", "REVIEW"),
            Map.entry("INSURANCE_VERIFICATION", "INSURANCE"),
            Map.entry("INFO_KIT", "INFO_KIT"),
            Map.entry("CALL_BACK", "CONTACT"),
            Map.entry("CONNECT_WITH_PAST_PATIENT", "MATCHING"));

    private VisitorSteps() {
    }

    public static List<StatusView.Step> of(List<String> requestedServices, List<StageStatus> stages) {
        Map<String, StageStatus> byStage = stages.stream()
                .collect(Collectors.toMap(StageStatus::stage, Function.identity(), (a, b) -> b));
        List<StatusView.Step> steps = new ArrayList<>();
        steps.add(step("INTAKE", byStage.get("INTAKE")));
        for (Map.Entry<String, String> service : ORDER) {
            if (requestedServices.contains(service.getKey())) {
                steps.add(step(service.getValue(), byStage.get(service.getValue())));
            }
        }
        return List.copyOf(steps);
    }

    private static StatusView.Step step(String stage, StageStatus current) {
        StepWording.Words words = current == null ? StepWording.notStarted(stage) : StepWording.of(stage, current.status());
        return new StatusView.Step(stage, StepWording.label(stage), words.progress(), words.meaning(),
                current == null ? null : current.occurredAt());
    }
}
