package com.leadflow.insurance.eligibility;

import java.util.List;

/** What came back from asking a payer: an answer, no answer, or an answer nobody can read. */
public sealed interface PayerAnswer {

    /** The payer answered (a 271): coverages and/or reject reasons. */
    record Answered(List<Coverage> coverages, List<PayerError> errors) implements PayerAnswer {
        public Answered {
            coverages = coverages == null ? List.of() : List.copyOf(coverages);
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    /**
     * The payer could not be reached or did not answer in time (timeout, HTTP 5xx, refused
     * connection, circuit open). {@code why} is PHI-free.
     */
    record Unreachable(String why) implements PayerAnswer {
    }

    /** An answer came back that cannot be understood (malformed body, missing fields). PHI-free {@code why}. */
    record Unreadable(String why) implements PayerAnswer {
    }
}
