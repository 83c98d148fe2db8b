package com.leadflow.intake.care;

import com.leadflow.events.Condition;
import com.leadflow.events.ConservativeTreatment;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.events.InformationNeeded;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.NetworkStatus;
import com.leadflow.events.NextStep;
import com.leadflow.events.PainDuration;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.events.ReviewPriority;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.events.Symptom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain words for every code a care manager could meet, in one place: the care page asks for them
 * once ({@code GET /api/care/labels}) and never prints a code. A code without words of its own reads
 * as its name in sentence case (HERNIATED_DISC: "Herniated disc"); the others are written here.
 */
final class Labels {

    /** Intake's own statuses of its own steps, beside the services' {@link LeadStatus}. */
    static final String SUBMITTED = "LEAD_SUBMITTED";
    static final String CONTACT_ATTEMPTED = "CONTACT_ATTEMPTED";

    private static final Map<String, Map<String, String>> ALL = build();

    private Labels() {
    }

    /** By kind of code (Condition, Procedure, LeadStatus, ...), each code's words. */
    static Map<String, Map<String, String>> all() {
        return ALL;
    }

    static String sentence(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<String, Map<String, String>> build() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        put(all, ServiceType.class, "MRI_CT_REVIEW", "MRI/CT review", "CALL_BACK", "Call-back",
                "CONNECT_WITH_PAST_PATIENT", "Talk to a past patient", "UNKNOWN", "Something else");
        put(all, Stage.class, "INTAKE", "Submission", "REVIEW", "MRI/CT review", "MATCHING", "Past patient",
                "UNKNOWN", "Other");
        Map<String, String> statuses = put(all, LeadStatus.class,
                "REVIEW_QUEUED", "Waiting for a clinician", "REVIEW_AWAITING_IMAGING", "Waiting for imaging",
                "REVIEW_IN_PROGRESS", "Being reviewed", "REVIEW_COMPLETED", "Review done",
                "REVIEW_DEADLINE_MISSED", "Review overdue", "INSURANCE_VERIFICATION_STARTED", "Being checked",
                "INSURANCE_VERIFIED", "Verified", "INSURANCE_NOT_VERIFIED", "Not verified",
                "INSURANCE_PENDING_MANUAL", "Needs a check by hand", "INSURANCE_FAILED", "Check failed",
                "INSURANCE_NOT_PROVIDED", "No insurance given", "MATCH_PROPOSED", "Past patient proposed",
                "MATCH_WAITLISTED", "On the wait-list", "MATCH_ACCEPTED", "Match accepted",
                "MATCH_DECLINED", "Match declined", "MATCH_COMPLETED", "Conversation held",
                "MATCH_NOT_ELIGIBLE", "Not eligible for a match", "INFO_KIT_SENT", "Kit sent",
                "INFO_KIT_MAIL_BY_HAND", "Kit to be posted by hand", "INFO_KIT_NOT_SENT", "Kit could not be sent",
                "MESSAGE_SENT", "Message sent", "MESSAGE_DEFERRED", "Message held for quiet hours",
                "MESSAGE_SUPPRESSED", "Message not sent", "MESSAGE_NOT_SENT", "Message could not be sent",
                "OPTED_OUT", "Opted out of all messages", "UNKNOWN", "Other");
        statuses.put(SUBMITTED, "Submitted");
        statuses.put(CONTACT_ATTEMPTED, "Contact attempted");
        put(all, Condition.class, "UNKNOWN", "Not sure");
        put(all, Procedure.class, "SACROILIAC_JOINT_FUSION", "Sacroiliac (SI) joint fusion", "UNSURE", "Not sure");
        put(all, Symptom.class);
        put(all, RedFlag.class);
        put(all, PainDuration.class, "UNDER_6_WEEKS", "Under 6 weeks", "WEEKS_6_TO_12", "6 to 12 weeks",
                "MONTHS_3_TO_12", "3 to 12 months", "OVER_12_MONTHS", "Over 12 months", "UNKNOWN", "Not sure");
        put(all, ConservativeTreatment.class);
        put(all, ContactChannel.class, "PHONE", "Phone call", "TEXT", "Text message");
        put(all, ContactTime.class, "ANYTIME", "Any time");
        put(all, GenderPreference.class, "FEMALE", "A woman", "MALE", "A man");
        put(all, SubscriberRelationship.class, "SELF", "The patient", "OTHER", "Someone else");
        put(all, ReviewOutcome.class, "CANDIDATE", "Candidate for surgery", "NOT_A_CANDIDATE",
                "Not a candidate for surgery", "UNKNOWN", "Not stated");
        put(all, ReviewPriority.class);
        put(all, NextStep.class, "SPECIALIST_REFERRAL", "Referral to a specialist");
        put(all, InformationNeeded.class, "SYMPTOM_DETAILS", "More about the symptoms");
        put(all, NetworkStatus.class, "UNKNOWN", "Network not known");
        put(all, ImagingModality.class, "MRI", "MRI", "CT", "CT", "XRAY", "X-ray");
        put(all, ImagingFormat.class, "DICOM", "DICOM", "PDF", "PDF", "JPEG", "JPEG", "PNG", "PNG");
        put(all, ContactAttempt.Channel.class);
        put(all, ContactAttempt.Outcome.class, "REACHED", "Reached them", "LEFT_MESSAGE", "Left a message",
                "SENT", "Sent, no reply yet");
        put(all, SpeedToLead.State.class, "WAITING", "Waiting for a first reach", "REACHED", "Reached");
        return all;
    }

    private static Map<String, String> put(Map<String, Map<String, String>> all, Class<? extends Enum<?>> type,
            String... words) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Enum<?> code : type.getEnumConstants()) {
            labels.put(code.name(), sentence(code.name()));
        }
        for (int i = 0; i < words.length; i += 2) {
            if (!labels.containsKey(words[i])) {
                throw new IllegalStateException(type.getSimpleName() + " has no " + words[i]);
            }
            labels.put(words[i], words[i + 1]);
        }
        all.put(type.getSimpleName(), labels);
        return labels;
    }
}
