package com.leadflow.matching;

import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.matching.matchmaking.LeadMatching;
import com.leadflow.matching.matchmaking.WaitlistSweeper;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.test.StatementCounter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a wait-list sweep costs and does: it reads once which waiting leads someone with room could
 * take, so a sweep while every ambassador is full is one query; when a slot frees up, the longest
 * waiting lead gets it in one round, whatever the length of the wait-list, and the leads still
 * waiting are not written again.
 */
class WaitlistSweepTest extends MatchingScenario {

    @Autowired LeadMatching leadMatching;
    @Autowired WaitlistSweeper sweeper;
    @Autowired ConsumerDatabase consumers;

    @Test
    void aSweepWhileNoAmbassadorHasRoomIsOneQueryAndChangesNothing() {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 1);
        arrive(1);
        List<String> waiting = arrive(5);
        assertThat(waiting).allSatisfy(lead -> assertThat(state(lead)).isEqualTo(SeekerState.WAITLISTED));
        Object changedAt = updatedAt(waiting);

        int statements;
        try (StatementCounter counter = new StatementCounter()) {
            sweeper.retryWaitlist();
            statements = counter.statements();
        }

        // the one read, and the end of its implicit transaction when the pool takes the connection back
        assertThat(statements).as("the read of who could be matched; no lock, no write").isLessThanOrEqualTo(2);
        assertThat(updatedAt(waiting)).isEqualTo(changedAt);
        assertThat(waiting).allSatisfy(lead -> {
            assertThat(state(lead)).isEqualTo(SeekerState.WAITLISTED);
            assertThat(matchesOf(lead)).isEmpty();
        });
    }

    @Test
    void aFreedSlotGoesToTheLongestWaitingLeadInOneRoundAndTheOthersAreNotWrittenAgain() {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 1);
        arrive(1);
        String longestWaiting = arrive(1).get(0);
        List<String> others = arrive(20);
        Object othersChangedAt = updatedAt(others);
        // a second slot, without a sweep request: the sweep below is the only one that can take it
        db.sql("update ambassador set max_active = 2").then().block();

        int statements;
        try (StatementCounter counter = new StatementCounter()) {
            sweeper.retryWaitlist();
            statements = counter.statements();
        }

        assertThat(matchesOf(longestWaiting)).singleElement()
                .satisfies(match -> assertThat(match.ambassadorDisplayName()).isEqualTo("Larry L."));
        assertThat(state(longestWaiting)).isEqualTo(SeekerState.MATCHED);
        awaitStatus(longestWaiting, LeadStatus.MATCH_PROPOSED);
        assertThat(others).allSatisfy(lead -> assertThat(state(lead)).isEqualTo(SeekerState.WAITLISTED));
        assertThat(updatedAt(others)).as("the leads still waiting are left as they were").isEqualTo(othersChangedAt);
        assertThat(statements).as("a round for all 21 waiting leads, not statements per lead").isLessThan(others.size());
    }

    private List<String> arrive(int leads) {
        List<LeadMatching.Arrival> poll = MatchingStatementsMeasurement.poll(leads);
        consumers.inTransaction(() -> leadMatching.leadsSubmitted(poll));
        return poll.stream().map(arrival -> arrival.lead().leadId()).toList();
    }

    private SeekerState state(String lead) {
        return seekers.find(lead).block().state();
    }

    private Object updatedAt(List<String> leads) {
        return db.sql("select max(updated_at) as at from seeker where lead_id in (:leads)").bind("leads", leads)
                .map(row -> row.get("at", java.time.OffsetDateTime.class)).one().block();
    }
}
