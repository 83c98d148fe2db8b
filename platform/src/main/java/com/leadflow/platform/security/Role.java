package com.leadflow.platform.security;

/**
 * Who a signed-in person is to the practice. The public has no role: it may only submit the form
 * and use its private status link.
 */
public enum Role {
    /** Follows leads up; sees the whole timeline. */
    CARE_MANAGER("Patient Care Manager"),
    /** Works the imaging review queue. */
    CLINICIAN("Clinician"),
    /** Watches topics, lag, dead letters and health. */
    OPS("Operations"),
    /** Runs the past-patient ambassador program: the registry, the matches, the wait-list. */
    COORDINATOR("Ambassador Coordinator"),
    /** Manages reference data such as ambassadors and payers. */
    ADMIN("Administrator"),
    /**
     * Not a person: the outreach service's own client, which may ask intake for a visitor's status
     * link to put in the messages it sends, and nothing else.
     */
    OUTREACH("Outreach service");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Spring Security authority name, e.g. {@code ROLE_CLINICIAN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role in plain words, as people see it on a page. */
    public String label() {
        return label;
    }
}
