package com.leadflow.outreach.link;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a visitor follows their request: the private status link intake made when the form was
 * sent. It is a secret, so it does not ride on a topic; a message asks intake for it at the moment
 * it is sent, and it is never stored here or logged.
 */
public interface StatusLinks {

    /**
     * The lead's status link, or empty when this stack has no intake to ask (messages then point to
     * the link shown after the form) or intake knows no such lead.
     *
     * @throws Unavailable when intake could not be asked just now: the message waits and tries again
     */
    Optional<String> of(UUID leadId);

    /** Intake did not answer, or answered with an error worth trying again. The text names no visitor. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String reason) {
            super(reason);
        }
    }

    /** No intake to ask: every message says where the link was shown instead. */
    static StatusLinks none() {
        return leadId -> Optional.empty();
    }
}
