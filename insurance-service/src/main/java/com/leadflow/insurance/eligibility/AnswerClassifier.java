package com.leadflow.insurance.eligibility;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a payer's answer means. The rules, in order:
 * <ol>
 *   <li>no answer (timeout, 5xx, refused) is transient: ask again later;</li>
 *   <li>an answer nobody can read fails the check with a reason, and is not retried;</li>
 *   <li>reject reasons decide when present: "try again later" codes (42, 80) are transient, errors
 *       in what the patient entered (72, 73, 75, 58, 71, 67) end as not verified with a reason the
 *       patient can act on, refusals of the practice's inquiry (41, 43, 51, 79) go to a person; an
 *       unknown code is transient when the payer says to resubmit, otherwise not verified;</li>
 *   <li>otherwise any active coverage verifies, reported from the best one (health benefit plan
 *       coverage first, in network first); only inactive coverages end as not verified;</li>
 *   <li>an answer with neither coverages nor reject reasons is unreadable.</li>
 * </ol>
 */
public final class AnswerClassifier {

    /** AAA04 follow-up actions that invite resubmitting the same inquiry. */
    private static final List<String> RESUBMIT = List.of("P", "R");

    private static final Comparator<Coverage> BEST_FIRST = Comparator
            .comparing((Coverage c) -> !EligibilityRequest.HEALTH_BENEFIT_PLAN_COVERAGE.equals(c.serviceType()))
            .thenComparing(c -> c.network() != Network.IN_NETWORK);

    public Verdict classify(PayerAnswer answer) {
        if (answer instanceof PayerAnswer.Unreachable unreachable) {
            return Verdict.transientFailure(null,
                    "The insurance company could not be reached (" + unreachable.why() + ").");
        }
        if (answer instanceof PayerAnswer.Unreadable unreadable) {
            return Verdict.failed("The insurance company's answer could not be read (" + unreadable.why()
                    + "); a care manager will verify the coverage by phone.");
        }
        return classifyAnswered((PayerAnswer.Answered) answer);
    }

    private Verdict classifyAnswered(PayerAnswer.Answered answered) {
        if (!answered.errors().isEmpty()) {
            return classifyRejection(answered);
        }
        if (answered.coverages().isEmpty()) {
            return classify(new PayerAnswer.Unreadable("no coverage and no reject reason"));
        }
        Optional<Coverage> active = answered.coverages().stream().filter(Coverage::active).min(BEST_FIRST);
        if (active.isPresent()) {
            return new Verdict(Verdict.Kind.VERIFIED, active.get(), answered.coverages(), null, null, false);
        }
        Coverage inactive = answered.coverages().stream().min(BEST_FIRST).orElseThrow();
        String ended = inactive.end() == null ? "" : " (it ended on " + inactive.end() + ")";
        return new Verdict(Verdict.Kind.NOT_VERIFIED, inactive, answered.coverages(), null,
                "The insurance company reports that this coverage is not active" + ended
                        + ". If there is a newer insurance card, please send its details.", false);
    }

    private Verdict classifyRejection(PayerAnswer.Answered answered) {
        // a transient code wins over the rest: the payer could not really look the member up
        for (PayerError error : answered.errors()) {
            Optional<RejectReason> known = RejectReason.ofCode(error.code());
            if (known.filter(reason -> reason.kind() == Verdict.Kind.TRANSIENT).isPresent()) {
                return Verdict.transientFailure(known.get().code(), known.get().plainWords());
            }
        }
        for (PayerError error : answered.errors()) {
            Optional<RejectReason> known = RejectReason.ofCode(error.code());
            if (known.isPresent()) {
                RejectReason reason = known.get();
                return new Verdict(reason.kind(), null, answered.coverages(), reason.code(), reason.plainWords(),
                        reason.patientCanFix());
            }
        }
        PayerError first = answered.errors().get(0);
        String code = first.code() == null ? null : first.code().strip();
        if (first.followUpAction() != null && RESUBMIT.contains(first.followUpAction().strip().toUpperCase())) {
            return Verdict.transientFailure(code, "The insurance company asked to try again later.");
        }
        return new Verdict(Verdict.Kind.NOT_VERIFIED, null, answered.coverages(), code,
                "The insurance company could not confirm the coverage (reject code " + code
                        + "); a care manager will follow up.", false);
    }
}
