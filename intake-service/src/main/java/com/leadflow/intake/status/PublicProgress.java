package com.leadflow.intake.status;

/**
 * How far a stage got, in the words a visitor may see through the status link: never an outcome,
 * a finding or an insurance answer, since anyone holding the link sees it.
 */
public enum PublicProgress {
    RECEIVED, IN_PROGRESS, WAITING_FOR_YOU, DONE;

    /** A stage status as the visitor sees it. */
    public static PublicProgress of(String status) {
        return switch (status) {
            case "LEAD_SUBMITTED" -> RECEIVED;
            case "REVIEW_AWAITING_IMAGING", "INSURANCE_NOT_PROVIDED" -> WAITING_FOR_YOU;
            case "REVIEW_COMPLETED", "INSURANCE_VERIFIED", "MATCH_ACCEPTED", "MATCH_COMPLETED", "INFO_KIT_SENT" -> DONE;
            default -> IN_PROGRESS;
        };
    }

    /** The stage's name for a visitor. */
    public static String stageLabel(String stage) {
        return switch (stage) {
            case "INTAKE" -> "Your request";
            case "CONTACT" -> "A Patient Care Manager contacts you";
            case "REVIEW" -> "Free MRI/CT review";
            case "INSURANCE" -> "Insurance verification";
            case "MATCHING" -> "Talking to a past patient";
            case "INFO_KIT" -> "Your free info kit";
            case "MESSAGES" -> "Messages to you";
            default -> "Other";
        };
    }
}
