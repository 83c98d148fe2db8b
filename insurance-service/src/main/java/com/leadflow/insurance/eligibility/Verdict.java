package com.leadflow.insurance.eligibility;

import java.util.List;

/**
 * What a payer's answer means for the lead.
 *
 * @param kind how the check stands after this answer
 * @param coverage the coverage the benefits are reported from (verified or inactive), or null
 * @param coverages every coverage the payer returned
 * @param payerCode the payer's reject reason code, or null
 * @param reason plain words for a patient and a care manager; never PHI; null when verified
 * @param patientCanFix whether the patient can fix it by correcting what they entered
 */
public record Verdict(Kind kind, Coverage coverage, List<Coverage> coverages, String payerCode, String reason,
        boolean patientCanFix) {

    public Verdict {
        coverages = coverages == null ? List.of() : List.copyOf(coverages);
    }

    public enum Kind {
        /** Coverage is active: done. */
        VERIFIED,
        /** The payer answered, and coverage could not be confirmed: done. */
        NOT_VERIFIED,
        /** A person must follow up with the payer (no real-time checks, or the inquiry itself was refused): done. */
        PENDING_MANUAL,
        /** No usable answer, and asking again later may help. */
        TRANSIENT,
        /** No usable answer, and asking again will not help: done. */
        FAILED
    }

    /** Whether the check ends with this verdict. */
    public boolean isFinal() {
        return kind != Kind.TRANSIENT;
    }

    /** Whether this answer says the payer itself is in trouble (it feeds the payer's circuit breaker). */
    public boolean payerFailed() {
        return kind == Kind.TRANSIENT;
    }

    public static Verdict transientFailure(String payerCode, String reason) {
        return new Verdict(Kind.TRANSIENT, null, List.of(), payerCode, reason, false);
    }

    public static Verdict failed(String reason) {
        return new Verdict(Kind.FAILED, null, List.of(), null, reason, false);
    }

    public static Verdict pendingManual(String payerCode, String reason) {
        return new Verdict(Kind.PENDING_MANUAL, null, List.of(), payerCode, reason, false);
    }
}
