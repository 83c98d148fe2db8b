package com.leadflow.insurance.check;

import com.leadflow.events.EligibilityDetails;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.NetworkStatus;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.Verdict;
import java.time.Instant;

/**
 * The insurance stage's reports on leads.status. Summaries are plain words for the timeline and
 * never hold PHI: the payer and plan are named, the member and subscriber never.
 */
final class StatusEvents {

    private StatusEvents() {
    }

    static LeadStatusChanged notProvided(String leadId, Instant at) {
        return event(leadId, at, LeadStatus.INSURANCE_NOT_PROVIDED,
                "No insurance details were given, so coverage was not checked.", null);
    }

    static LeadStatusChanged started(EligibilityCheck check, Instant at) {
        return event(check.leadId(), at, LeadStatus.INSURANCE_VERIFICATION_STARTED,
                "Checking coverage with " + payer(check) + ".",
                details(check).setAttempts(0).build());
    }

    /** The final report of a check, from its state and the verdict that ended it. */
    static LeadStatusChanged finished(EligibilityCheck check, CheckState state, Verdict verdict, int attempts,
            Instant at) {
        EligibilityDetails.Builder details = details(check)
                .setAttempts(attempts)
                .setPayerCode(verdict.payerCode())
                .setReason(verdict.reason())
                .setPatientCanFix(verdict.patientCanFix());
        Coverage coverage = verdict.coverage();
        if (coverage != null) {
            details.setCoverageActive(coverage.active())
                    .setPlanName(coverage.planName())
                    .setCoverageStart(coverage.start())
                    .setCoverageEnd(coverage.end())
                    .setNetwork(network(coverage.network()))
                    .setCopayCents(coverage.copayCents())
                    .setCoinsurancePercent(coverage.coinsurancePercent())
                    .setDeductibleRemainingCents(coverage.deductibleRemainingCents())
                    .setOutOfPocketRemainingCents(coverage.outOfPocketRemainingCents())
                    .setPriorAuthorizationRequired(coverage.priorAuthorizationRequired());
        }
        return switch (state) {
            case VERIFIED -> event(check.leadId(), at, LeadStatus.INSURANCE_VERIFIED,
                    "Coverage verified with " + payer(check) + (coverage.planName() == null ? "" : " (" + coverage.planName() + ")")
                            + ", " + networkWords(coverage.network()) + ".", details.build());
            case NOT_VERIFIED -> event(check.leadId(), at, LeadStatus.INSURANCE_NOT_VERIFIED,
                    "Coverage not verified with " + payer(check) + ": " + verdict.reason(), details.build());
            case PENDING_MANUAL -> event(check.leadId(), at, LeadStatus.INSURANCE_PENDING_MANUAL,
                    "Coverage with " + payer(check) + " needs a call: " + verdict.reason(), details.build());
            case FAILED -> event(check.leadId(), at, LeadStatus.INSURANCE_FAILED,
                    "Coverage with " + payer(check) + " could not be checked: " + verdict.reason(), details.build());
            case IN_PROGRESS -> throw new IllegalArgumentException("a check in progress has no final report");
        };
    }

    /**
     * The payer as named in summaries: the directory's name, or neutral words when the payer was
     * only typed by the visitor (free text could hold anything, PHI included).
     */
    private static String payer(EligibilityCheck check) {
        return check.payerId() == null ? "the insurance company" : check.payerName();
    }

    private static EligibilityDetails.Builder details(EligibilityCheck check) {
        return EligibilityDetails.newBuilder()
                .setCheckId(check.id().toString())
                .setPayerId(check.payerId())
                .setPayerName(check.payerName());
    }

    private static LeadStatusChanged event(String leadId, Instant at, LeadStatus status, String summary,
            EligibilityDetails details) {
        return LeadStatusChanged.newBuilder()
                .setLeadId(leadId)
                .setOccurredAt(at)
                .setReporter(Reporter.INSURANCE)
                .setStage(Stage.INSURANCE)
                .setStatus(status)
                .setSummary(summary)
                .setInsurance(details)
                .build();
    }

    private static NetworkStatus network(Network network) {
        return switch (network) {
            case IN_NETWORK -> NetworkStatus.IN_NETWORK;
            case OUT_OF_NETWORK -> NetworkStatus.OUT_OF_NETWORK;
            case UNKNOWN -> NetworkStatus.UNKNOWN;
        };
    }

    private static String networkWords(Network network) {
        return switch (network) {
            case IN_NETWORK -> "in network";
            case OUT_OF_NETWORK -> "out of network";
            case UNKNOWN -> "network status unknown";
        };
    }
}
