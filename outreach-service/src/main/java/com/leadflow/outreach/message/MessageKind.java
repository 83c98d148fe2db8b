package com.leadflow.outreach.message;

import com.leadflow.events.LeadStatus;
import java.util.Optional;

/**
 * What a message says. Apart from the kit, each only says that something happened and who will
 * call: email and texts are not secure channels, so no message names a finding, a procedure or
 * an insurance answer. The templates hold the words ({@code i18n/outreach_*.properties}).
 */
public enum MessageKind {
    /** The request was stored; sent to visitors who did not ask for a kit (the kit's message says it too). */
    CONFIRMATION,
    /** The info kit, as a PDF attachment or a private download link. */
    INFO_KIT,
    /** The free review waits for the visitor's imaging. */
    IMAGING_NEEDED,
    /** A specialist looked at the imaging; a Patient Care Manager will call. */
    REVIEW_DONE,
    /** The insurance check is finished; a Patient Care Manager will go over it. */
    INSURANCE_CHECKED,
    /** A past patient would talk with the visitor. */
    PAST_PATIENT_FOUND;

    /** The note a stage's new status calls for, if the visitor cares about it. */
    public static Optional<MessageKind> noteFor(LeadStatus status) {
        return Optional.ofNullable(switch (status) {
            case REVIEW_AWAITING_IMAGING -> IMAGING_NEEDED;
            case REVIEW_COMPLETED -> REVIEW_DONE;
            case INSURANCE_VERIFIED, INSURANCE_NOT_VERIFIED, INSURANCE_PENDING_MANUAL -> INSURANCE_CHECKED;
            case MATCH_PROPOSED -> PAST_PATIENT_FOUND;
            default -> null;
        });
    }

    /** The template's message key prefix, e.g. {@code review-done}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** In plain words, for timeline summaries. */
    public String words() {
        return switch (this) {
            case CONFIRMATION -> "Confirmation";
            case INFO_KIT -> "Info kit";
            case IMAGING_NEEDED -> "Note that the review waits for imaging";
            case REVIEW_DONE -> "Note that the review is done";
            case INSURANCE_CHECKED -> "Note that the insurance check is done";
            case PAST_PATIENT_FOUND -> "Note that a past patient would talk";
        };
    }
}
