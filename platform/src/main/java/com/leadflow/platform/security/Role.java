package com.leadflow.platform.security;

/**
 * Who a signed-in person is to the practice. The public has no role: it may only submit the form
 * and use its private status link.
 */
public enum Role {
    /** Follows leads up; sees the whole timeline. */
    CARE_MANAGER,
    /** Works the imaging review queue. */
    CLINICIAN,
    /** Watches topics, lag, dead letters and health. */
    OPS,
    /** Manages reference data such as ambassadors and payers. */
    ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_CLINICIAN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
