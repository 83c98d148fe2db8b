package com.leadflow.intake.timeline;

import com.leadflow.events.EligibilityDetails;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.MatchDetails;
import com.leadflow.events.ReviewStatusDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage produced, taken from a status report's typed details and kept with the timeline
 * entry: codes (shown to people through the care page's labels) and the reporters' PHI-free words.
 * The insurance payer's reject code and the ambassador's id stay out: nobody at the care desk acts
 * on them.
 */
public final class StageResults {

    private StageResults() {
    }

    /** The report's result, or null when it carries none. */
    public static Map<String, Object> of(LeadStatusChanged event) {
        if (event.getReview() != null) {
            return review(event.getReview());
        }
        if (event.getInsurance() != null) {
            return insurance(event.getInsurance());
        }
        if (event.getMatch() != null) {
            return match(event.getMatch());
        }
        return null;
    }

    private static Map<String, Object> review(ReviewStatusDetails r) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "priority", r.getPriority());
        put(out, "dueAt", r.getDueAt());
        if (r.getStaleImaging()) {
            out.put("staleImaging", true);
        }
        put(out, "outcome", r.getOutcome());
        put(out, "recommendedProcedure", r.getRecommendedProcedure());
        put(out, "condition", r.getCondition());
        put(out, "nextStep", r.getNextStep());
        put(out, "informationNeeded", r.getInformationNeeded());
        return out;
    }

    private static Map<String, Object> insurance(EligibilityDetails i) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "payerName", i.getPayerName());
        put(out, "planName", i.getPlanName());
        put(out, "coverageActive", i.getCoverageActive());
        put(out, "network", i.getNetwork());
        put(out, "coverageStart", i.getCoverageStart());
        put(out, "coverageEnd", i.getCoverageEnd());
        put(out, "copayCents", i.getCopayCents());
        put(out, "coinsurancePercent", i.getCoinsurancePercent());
        put(out, "deductibleRemainingCents", i.getDeductibleRemainingCents());
        put(out, "outOfPocketRemainingCents", i.getOutOfPocketRemainingCents());
        put(out, "priorAuthorizationRequired", i.getPriorAuthorizationRequired());
        put(out, "reason", i.getReason());
        if (i.getPatientCanFix()) {
            out.put("patientCanFix", true);
        }
        return out;
    }

    private static Map<String, Object> match(MatchDetails m) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "ambassador", m.getAmbassadorDisplayName());
        put(out, "sharedCondition", m.getSharedCondition());
        put(out, "sharedProcedure", m.getSharedProcedure());
        List<String> reasons = m.getReasons().stream().map(String::valueOf).toList();
        if (!reasons.isEmpty()) {
            out.put("reasons", reasons);
        }
        put(out, "feedbackRating", m.getFeedbackRating());
        return out;
    }

    /** Codes as their names, numbers and yes/no as they are, times and dates in ISO-8601. */
    private static void put(Map<String, Object> out, String name, Object value) {
        if (value instanceof Enum<?> code) {
            out.put(name, code.name());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.put(name, value);
        } else if (value != null) {
            out.put(name, value.toString());
        }
    }
}
