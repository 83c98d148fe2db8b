package com.leadflow.schemas;

import com.leadflow.events.EligibilityCheckDue;
import com.leadflow.events.ImagingAttached;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import java.util.List;

/**
 * The catalog of every topic. Keys are lead ids everywhere, so all events of one lead stay in
 * order on one partition.
 */
public final class Topics {

    /** A stored lead, written only by intake-service; read by review, insurance and matching. */
    public static final Topic<String, LeadSubmitted> LEADS_SUBMITTED =
            new Topic<>("leads.submitted", String.class, LeadSubmitted.class, "intake-service");

    /** Imaging attached after submission, written only by intake-service; read by review. */
    public static final Topic<String, ImagingAttached> LEADS_IMAGING =
            new Topic<>("leads.imaging", String.class, ImagingAttached.class, "intake-service");

    /**
     * Progress reported by review, insurance and matching; read by intake (the timeline) and by
     * matching (review outcomes). The one topic with several writers, each naming itself in the
     * event's reporter field.
     */
    public static final Topic<String, LeadStatusChanged> LEADS_STATUS =
            new Topic<>("leads.status", String.class, LeadStatusChanged.class, "review, insurance and matching services");

    /**
     * Eligibility checks due for an attempt, written only by insurance-service (through its outbox)
     * and read by it. Not a lead topic: spring-kafka's retry topics ({@code insurance.checks-retry-N})
     * and dead-letter topic ({@code insurance.checks-dlt}) hang off it, created by insurance itself.
     */
    public static final Topic<String, EligibilityCheckDue> INSURANCE_CHECKS =
            new Topic<>("insurance.checks", String.class, EligibilityCheckDue.class, "insurance-service");

    /** The lead topics, which every service creates with their dead-letter topics. */
    public static final List<Topic<String, ?>> ALL = List.of(LEADS_SUBMITTED, LEADS_IMAGING, LEADS_STATUS);

    private Topics() {
    }
}
