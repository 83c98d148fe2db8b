package com.leadflow.intake.status;

import static com.leadflow.intake.status.PublicProgress.DONE;
import static com.leadflow.intake.status.PublicProgress.IN_PROGRESS;
import static com.leadflow.intake.status.PublicProgress.NOT_STARTED;
import static com.leadflow.intake.status.PublicProgress.RECEIVED;
import static com.leadflow.intake.status.PublicProgress.WAITING_FOR_YOU;

/**
 * What each step's status means for the visitor, in plain words. The link may be forwarded or seen
 * over a shoulder, so no wording reveals a finding, a recommended procedure or an insurance answer:
 * a finished review or coverage check says that a Patient Care Manager will go through it with the
 * visitor, whatever came of it.
 */
final class StepWording {

    static final String PHONE = "877.474.2225";

    record Words(PublicProgress progress, String meaning) {
    }

    private StepWording() {
    }

    static String label(String stage) {
        return switch (stage) {
            case "INTAKE" -> "Your request";
            case "REVIEW" -> "Free MRI/CT review";
            case "INSURANCE" -> "Free insurance verification";
            case "INFO_KIT" -> "Your free info kit";
            case "CONTACT" -> "A call from a Patient Care Manager";
            case "MATCHING" -> "Talking with a past patient";
            default -> "Other";
        };
    }

    static Words notStarted(String stage) {
        return switch (stage) {
            case "REVIEW" -> new Words(NOT_STARTED, "A specialist will look at your MRI or CT soon.");
            case "INSURANCE" -> new Words(NOT_STARTED, "We will check your coverage with your insurance company soon.");
            case "INFO_KIT" -> new Words(NOT_STARTED, "We are preparing your info kit.");
            case "CONTACT" -> new Words(NOT_STARTED, "A Patient Care Manager will call you soon.");
            case "MATCHING" -> new Words(NOT_STARTED,
                    "Once we know more about your condition, we will look for a past patient who had a similar "
                            + "condition and procedure.");
            default -> new Words(RECEIVED, "We have your request.");
        };
    }

    static Words of(String stage, String status) {
        return switch (status) {
            case "LEAD_SUBMITTED" -> new Words(RECEIVED, "We have your request. Thank you.");

            case "REVIEW_QUEUED" -> new Words(IN_PROGRESS, "Your MRI or CT is in line for a specialist to look at.");
            case "REVIEW_AWAITING_IMAGING" -> new Words(WAITING_FOR_YOU,
                    "We need your MRI or CT to review it: please add it below, or call us at " + PHONE + ".");
            case "REVIEW_IN_PROGRESS" -> new Words(IN_PROGRESS, "A specialist is looking at your MRI or CT now.");
            case "REVIEW_DEADLINE_MISSED" -> new Words(IN_PROGRESS,
                    "Your review is taking longer than we promised. We are on it; call us at " + PHONE
                            + " if you have questions.");
            case "REVIEW_COMPLETED" -> new Words(DONE,
                    "A specialist has looked at your MRI or CT. A Patient Care Manager will call you to talk it through.");

            case "INSURANCE_VERIFICATION_STARTED" -> new Words(IN_PROGRESS,
                    "We are checking your coverage with your insurance company.");
            case "INSURANCE_VERIFIED", "INSURANCE_NOT_VERIFIED" -> new Words(DONE,
                    "We have checked your coverage. A Patient Care Manager will go through what we found with you.");
            case "INSURANCE_PENDING_MANUAL", "INSURANCE_FAILED" -> new Words(IN_PROGRESS,
                    "Your insurance company did not answer us online, so a Patient Care Manager is checking by phone.");
            case "INSURANCE_NOT_PROVIDED" -> new Words(WAITING_FOR_YOU,
                    "We need your insurance details to check your coverage. A Patient Care Manager will ask you for "
                            + "them, or call us at " + PHONE + ".");

            case "INFO_KIT_SENT" -> new Words(DONE, "Your info kit is on its way: look for it in your email or mail.");
            case "INFO_KIT_MAIL_BY_HAND" -> new Words(IN_PROGRESS, "We are posting your info kit to you.");
            case "INFO_KIT_NOT_SENT" -> new Words(IN_PROGRESS,
                    "We could not send your info kit yet. A Patient Care Manager will be in touch about it.");

            case "CONTACT_ATTEMPTED" -> new Words(IN_PROGRESS,
                    "A Patient Care Manager tried to reach you and will try again. You can also call us at " + PHONE + ".");

            case "MATCH_WAITLISTED" -> new Words(IN_PROGRESS,
                    "We are looking for a past patient who had a similar condition and procedure. It may take a while: "
                            + "it depends on who is free to talk.");
            case "MATCH_PROPOSED" -> new Words(IN_PROGRESS,
                    "We found a past patient who had a similar condition and procedure, and asked if they are free to talk.");
            case "MATCH_DECLINED" -> new Words(IN_PROGRESS,
                    "The past patient we asked cannot talk just now, so we are looking for someone else.");
            case "MATCH_ACCEPTED" -> new Words(IN_PROGRESS,
                    "A past patient has agreed to talk with you. A Patient Care Manager will get in touch to arrange it.");
            case "MATCH_COMPLETED" -> new Words(DONE, "You have talked with a past patient. Thank you for telling us how it went.");
            case "MATCH_NOT_ELIGIBLE" -> new Words(WAITING_FOR_YOU,
                    "We need your permission to contact you before we can arrange this. Please call us at " + PHONE + ".");

            default -> new Words(IN_PROGRESS, stage.equals("CONTACT")
                    ? "A Patient Care Manager is in touch with you."
                    : "We are working on it.");
        };
    }
}
