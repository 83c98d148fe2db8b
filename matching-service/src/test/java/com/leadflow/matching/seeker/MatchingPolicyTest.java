package com.leadflow.matching.seeker;

import static com.leadflow.matching.seeker.MatchingPolicy.onLeadSubmitted;
import static com.leadflow.matching.seeker.MatchingPolicy.onReviewFoundCandidate;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import com.leadflow.matching.seeker.MatchingPolicy.Action;
import org.junit.jupiter.api.Test;

class MatchingPolicyTest {

    @Test
    void aVisitorWhoAskedAndConsentedIsMatched() {
        assertThat(onLeadSubmitted(null, true, true)).isEqualTo(Action.MATCH);
    }

    @Test
    void aVisitorWhoDidNotConsentToBeContactedIsNotEligible() {
        assertThat(onLeadSubmitted(null, true, false)).isEqualTo(Action.NOT_ELIGIBLE);
    }

    @Test
    void aVisitorWhoDidNotAskIsNotMatched() {
        assertThat(onLeadSubmitted(null, false, true)).isEqualTo(Action.NOT_REQUESTED);
    }

    @Test
    void aLeadWhoseReviewCameFirstIsMatchedWhenItArrives() {
        assertThat(onLeadSubmitted(SeekerState.AWAITING_LEAD, true, true)).isEqualTo(Action.MATCH);
    }

    @Test
    void aLeadSeenBeforeIsNotMatchedTwice() {
        for (SeekerState state : new SeekerState[] {SeekerState.MATCHED, SeekerState.WAITLISTED,
                SeekerState.NOT_ELIGIBLE, SeekerState.NOT_REQUESTED, SeekerState.CONNECTED}) {
            assertThat(onLeadSubmitted(state, true, true)).as(state.name()).isEqualTo(Action.NONE);
        }
    }

    @Test
    void aReviewRecommendingAnotherProcedureThanTheMatchSharesRematches() {
        assertThat(onReviewFoundCandidate(SeekerState.MATCHED, Procedure.MICRODISCECTOMY, Procedure.LAMINECTOMY))
                .isEqualTo(Action.REMATCH);
        assertThat(onReviewFoundCandidate(SeekerState.MATCHED, null, Procedure.LAMINECTOMY))
                .isEqualTo(Action.REMATCH);
    }

    @Test
    void aReviewRecommendingTheProcedureTheMatchSharesKeepsIt() {
        assertThat(onReviewFoundCandidate(SeekerState.MATCHED, Procedure.LAMINECTOMY, Procedure.LAMINECTOMY))
                .isEqualTo(Action.KEEP);
        assertThat(onReviewFoundCandidate(SeekerState.MATCHED, Procedure.LAMINECTOMY, null)).isEqualTo(Action.KEEP);
        assertThat(onReviewFoundCandidate(SeekerState.MATCHED, Procedure.LAMINECTOMY, Procedure.UNSURE))
                .isEqualTo(Action.KEEP);
    }

    @Test
    void aWaitlistedLeadIsTriedAgainOnTheReviewsFindings() {
        assertThat(onReviewFoundCandidate(SeekerState.WAITLISTED, null, Procedure.LAMINECTOMY)).isEqualTo(Action.MATCH);
    }

    @Test
    void aCandidateWhoNeverAskedToConnectOrDidNotConsentIsNotMatched() {
        assertThat(onReviewFoundCandidate(SeekerState.NOT_REQUESTED, null, Procedure.LAMINECTOMY)).isEqualTo(Action.NONE);
        assertThat(onReviewFoundCandidate(SeekerState.NOT_ELIGIBLE, null, Procedure.LAMINECTOMY)).isEqualTo(Action.NONE);
    }

    @Test
    void aReviewBeforeItsLeadWaitsForTheLead() {
        assertThat(onReviewFoundCandidate(null, null, Procedure.LAMINECTOMY)).isEqualTo(Action.NONE);
    }

    @Test
    void theReviewsFindingsWinOverTheVisitorsOwnAnswersWhereTheyNameSomething() {
        MatchTarget visitor = MatchTarget.of(Condition.SCIATICA, Procedure.MICRODISCECTOMY);

        assertThat(visitor.refinedBy(MatchTarget.of(Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY)))
                .isEqualTo(MatchTarget.of(Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY));
        assertThat(visitor.refinedBy(MatchTarget.of(null, Procedure.UNSURE))).isEqualTo(visitor);
    }
}
