package com.leadflow.matching;

import static com.leadflow.events.Condition.HERNIATED_DISC;
import static com.leadflow.events.Condition.SCIATICA;
import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static com.leadflow.events.Procedure.MICRODISCECTOMY;
import static com.leadflow.events.Procedure.SPINAL_FUSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Matching driven by events from a real broker: leads are matched, wait-listed or refused, review
 * outcomes re-match, status events go out through the outbox.
 */
class MatchingFlowTest extends MatchingScenario {

    @Test
    void aVisitorWhoAskedToConnectIsProposedThePastPatientWhoHadTheSameProcedure() {
        ambassador("Sam", "R", SPINAL_STENOSIS, SPINAL_FUSION, 2);
        UUID larry = ambassador("Larry", "L", SCIATICA, LAMINECTOMY, 2);
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");

        LeadStatusChanged proposed = awaitStatus(lead, LeadStatus.MATCH_PROPOSED);

        assertThat(proposed.getReporter().name()).isEqualTo("MATCHING");
        assertThat(proposed.getStage().name()).isEqualTo("MATCHING");
        assertThat(proposed.getMatch().getAmbassadorDisplayName()).isEqualTo("Larry L.");
        assertThat(proposed.getMatch().getAmbassadorId()).isEqualTo(larry.toString());
        assertThat(proposed.getMatch().getSharedProcedure()).isEqualTo(LAMINECTOMY);
        assertThat(proposed.getMatch().getReasons()).contains("Same procedure: laminectomy (2021)", "Lives in the same state: TX");
        assertThat(proposed.getSummary()).doesNotContain("Testy", "Visitor");
        assertThat(ambassadors.findById(larry).block().activeMatches()).isEqualTo(1);
    }

    @Test
    void aRedeliveredLeadCreatesNoSecondMatch() throws Exception {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 3);
        ambassador("Lou", "M", SPINAL_STENOSIS, LAMINECTOMY, 3);
        String lead = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        var event = LeadEvents.lead(lead, SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");

        kafka.send(LeadEvents.record(Topics.LEADS_SUBMITTED, lead, event, eventId)).get();
        kafka.send(LeadEvents.record(Topics.LEADS_SUBMITTED, lead, event, eventId)).get();
        // intake publishing the same lead again under a new event id changes nothing either
        kafka.send(LeadEvents.record(Topics.LEADS_SUBMITTED, lead, event, UUID.randomUUID().toString())).get();

        awaitStatus(lead, LeadStatus.MATCH_PROPOSED);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> statuses(lead, LeadStatus.MATCH_PROPOSED).size() == 1 && matchesOf(lead).size() == 1);
        assertThat(ambassadors.findAll().map(Ambassador::activeMatches).reduce(0, Integer::sum).block()).isEqualTo(1);
    }

    @Test
    void aVisitorWhoDidNotConsentToBeContactedIsNotMatchedAndTheStatusSaysWhy() {
        UUID larry = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, true, false, "en");

        LeadStatusChanged notEligible = awaitStatus(lead, LeadStatus.MATCH_NOT_ELIGIBLE);

        assertThat(notEligible.getSummary()).contains("did not consent to be contacted");
        assertThat(matchesOf(lead)).isEmpty();
        assertThat(ambassadors.findById(larry).block().activeMatches()).isZero();
    }

    @Test
    void aReviewRecommendingAnotherProcedureRematchesOnTheRecommendedOne() throws Exception {
        UUID micro = ambassador("Mia", "D", HERNIATED_DISC, MICRODISCECTOMY, 2);
        UUID lami = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        String lead = submit(HERNIATED_DISC, MICRODISCECTOMY, true, true, "en");
        assertThat(awaitStatus(lead, LeadStatus.MATCH_PROPOSED).getMatch().getAmbassadorId()).isEqualTo(micro.toString());

        kafka.send(LeadEvents.record(Topics.LEADS_STATUS, lead,
                LeadEvents.reviewFoundCandidate(lead, SPINAL_STENOSIS, LAMINECTOMY), UUID.randomUUID().toString())).get();

        List<LeadStatusChanged> proposals = awaitStatuses(lead, LeadStatus.MATCH_PROPOSED, 2);
        LeadStatusChanged rematch = proposals.get(1);
        assertThat(rematch.getMatch().getAmbassadorId()).isEqualTo(lami.toString());
        assertThat(rematch.getMatch().getSharedProcedure()).isEqualTo(LAMINECTOMY);
        assertThat(rematch.getMatch().getSharedCondition()).isEqualTo(SPINAL_STENOSIS);
        assertThat(matchesOf(lead)).extracting(Match::state)
                .containsExactlyInAnyOrder(MatchState.PROPOSED, MatchState.SUPERSEDED);
        assertThat(ambassadors.findById(micro).block().activeMatches()).isZero();
    }

    @Test
    void aLeadThatCanNeverBeMatchedGoesToTheDeadLetterTopicWithAReasonFreeOfPatientData() throws Exception {
        String lead = UUID.randomUUID().toString();
        kafka.send(LeadEvents.record(Topics.LEADS_SUBMITTED, lead,
                LeadEvents.lead(lead, SPINAL_STENOSIS, LAMINECTOMY, true, true, "Klingon!"), UUID.randomUUID().toString()))
                .get();

        try (var deadLetters = TopicProbe.raw(brokers, Topics.LEADS_SUBMITTED.deadLetterTopic())) {
            var dead = deadLetters.await(r -> lead.equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON))
                    .contains("preferredLanguage").doesNotContain("Klingon", "Testy");
        }
        assertThat(seekers.find(lead).blockOptional()).isEmpty();
    }

    @Test
    void aCandidateWhoNeverAskedToConnectIsNotMatched() throws Exception {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, false, true, "en");
        String reviewEvent = UUID.randomUUID().toString();
        kafka.send(LeadEvents.record(Topics.LEADS_STATUS, lead,
                LeadEvents.reviewFoundCandidate(lead, SPINAL_STENOSIS, LAMINECTOMY), reviewEvent)).get();

        Awaitility.await().atMost(WAIT).until(() -> processed("matching.leads.status", reviewEvent));
        assertThat(matchesOf(lead)).isEmpty();
        assertThat(seekers.find(lead).block().state()).isEqualTo(SeekerState.NOT_REQUESTED);
    }
}
