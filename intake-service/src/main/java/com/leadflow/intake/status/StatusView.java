package com.leadflow.intake.status;

import java.time.Instant;
import java.util.List;

/** What the private status link shows: the visitor's requests and how far each stage got, nothing clinical. */
public record StatusView(Instant submittedAt, List<String> requestedServices, List<Step> steps) {

    public record Step(String stage, String label, PublicProgress progress, Instant since) {
    }
}
