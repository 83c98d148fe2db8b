package com.leadflow.platform.outbox;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class TestEvents {

    private TestEvents() {
    }

    public static LeadStatusChanged status(String leadId, String summary) {
        return LeadStatusChanged.newBuilder()
                .setLeadId(leadId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReporter(Reporter.REVIEW)
                .setStage(Stage.REVIEW)
                .setStatus(LeadStatus.REVIEW_QUEUED)
                .setSummary(summary)
                .build();
    }
}
