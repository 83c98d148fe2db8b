package com.leadflow.intake.status;

import java.time.Instant;
import java.util.List;

/**
 * What the private status link shows: the visitor's request and, for each service they asked for,
 * how far it got and what that means for them, in a fixed order; nothing clinical, no insurance answer.
 */
public record StatusView(Instant submittedAt, List<String> requestedServices, List<Step> steps) {

    /**
     * @param stage the stage's code, for the page's styling and tests
     * @param label the step's name for the visitor
     * @param meaning what the step's progress means for the visitor, in plain words
     * @param since when the step last changed, or null when it has not started
     */
    public record Step(String stage, String label, PublicProgress progress, String meaning, Instant since) {
    }
}
