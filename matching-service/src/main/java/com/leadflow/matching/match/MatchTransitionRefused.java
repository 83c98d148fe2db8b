package com.leadflow.matching.match;

import com.leadflow.platform.web.ConflictException;

/** A match cannot take the step asked for in its current state (e.g. completing a declined one). */
public class MatchTransitionRefused extends ConflictException {

    private final MatchState state;
    private final String action;

    public MatchTransitionRefused(MatchState state, String action) {
        super("A " + state.name().toLowerCase() + " match cannot " + action);
        this.state = state;
        this.action = action;
    }

    public MatchState state() {
        return state;
    }

    public String action() {
        return action;
    }
}
