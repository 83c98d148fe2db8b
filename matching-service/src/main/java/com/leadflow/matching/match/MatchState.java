package com.leadflow.matching.match;

import java.util.Set;

/**
 * The life of a match. Proposed to the ambassador, who accepts or declines; an accepted match is
 * completed once the conversation took place. A match also ends when a review sends the visitor
 * towards another procedure (superseded) or the ambassador withdraws consent (withdrawn).
 * Proposed and accepted matches hold one of the ambassador's conversation slots; every other
 * state has released it.
 */
public enum MatchState {
    PROPOSED, ACCEPTED, DECLINED, COMPLETED, SUPERSEDED, WITHDRAWN;

    public boolean holdsCapacity() {
        return this == PROPOSED || this == ACCEPTED;
    }

    /** The ambassador agreed to talk. */
    public MatchState accept() {
        return move(Set.of(PROPOSED), ACCEPTED, "accept");
    }

    /** The ambassador cannot take this conversation; the visitor is matched with someone else. */
    public MatchState decline() {
        return move(Set.of(PROPOSED, ACCEPTED), DECLINED, "decline");
    }

    /** The conversation took place; the visitor gave feedback. */
    public MatchState complete() {
        return move(Set.of(ACCEPTED), COMPLETED, "complete");
    }

    /** A newer review points to another procedure than this match shares. */
    public MatchState supersede() {
        return move(Set.of(PROPOSED, ACCEPTED), SUPERSEDED, "supersede");
    }

    /** The ambassador withdrew consent. */
    public MatchState withdraw() {
        return move(Set.of(PROPOSED, ACCEPTED), WITHDRAWN, "withdraw");
    }

    private MatchState move(Set<MatchState> from, MatchState to, String action) {
        if (!from.contains(this)) {
            throw new MatchTransitionRefused(this, action);
        }
        return to;
    }
}
