package com.leadflow.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchStateTest {

    @Test
    void aProposedMatchIsAcceptedThenCompleted() {
        assertThat(MatchState.PROPOSED.accept()).isEqualTo(MatchState.ACCEPTED);
        assertThat(MatchState.ACCEPTED.complete()).isEqualTo(MatchState.COMPLETED);
    }

    @Test
    void anAmbassadorMayDeclineBeforeOrAfterAccepting() {
        assertThat(MatchState.PROPOSED.decline()).isEqualTo(MatchState.DECLINED);
        assertThat(MatchState.ACCEPTED.decline()).isEqualTo(MatchState.DECLINED);
    }

    @Test
    void aConversationThatWasNeverAcceptedCannotBeCompleted() {
        assertThatThrownBy(MatchState.PROPOSED::complete).isInstanceOf(MatchTransitionRefused.class)
                .hasMessage("A proposed match cannot complete");
    }

    @Test
    void anEndedMatchTakesNoFurtherStep() {
        for (MatchState ended : new MatchState[] {MatchState.DECLINED, MatchState.COMPLETED, MatchState.SUPERSEDED,
                MatchState.WITHDRAWN}) {
            assertThat(ended.holdsCapacity()).as(ended.name()).isFalse();
            assertThatThrownBy(ended::accept).isInstanceOf(MatchTransitionRefused.class);
            assertThatThrownBy(ended::decline).isInstanceOf(MatchTransitionRefused.class);
            assertThatThrownBy(ended::supersede).isInstanceOf(MatchTransitionRefused.class);
        }
    }

    @Test
    void onlyProposedAndAcceptedMatchesHoldAnAmbassadorsSlot() {
        assertThat(MatchState.PROPOSED.holdsCapacity()).isTrue();
        assertThat(MatchState.ACCEPTED.holdsCapacity()).isTrue();
    }
}
