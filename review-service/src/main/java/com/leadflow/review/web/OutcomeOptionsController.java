package com.leadflow.review.web;

import com.leadflow.events.InformationNeeded;
import com.leadflow.events.NextStep;
import com.leadflow.events.Procedure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the outcome form offers, taken from the schemas so the page never drifts from the contract. */
@Tag(name = "Reviews")
@RestController
class OutcomeOptionsController {

    /** Values a visitor may give but a clinician's recommendation may not. */
    private static final Set<String> NOT_A_RECOMMENDATION = Set.of("UNSURE", "UNKNOWN");

    record Options(String user, List<String> procedures, List<String> nextSteps, List<String> informationNeeded) {
    }

    @Operation(summary = "What the outcome form offers",
            description = "The enum values of outcome, procedure and next step, in words.")
    @GetMapping("/api/reviews/options")
    Options options(Principal principal) {
        return new Options(principal.getName(), names(Procedure.values()), names(NextStep.values()),
                names(InformationNeeded.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).filter(name -> !NOT_A_RECOMMENDATION.contains(name)).toList();
    }
}
