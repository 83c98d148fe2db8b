package com.leadflow.insurance.eligibility;

import java.time.LocalDate;
import java.util.Objects;

/** The person who holds the policy, as the payer knows them. PHI: never log or print. */
public record Subscriber(String firstName, String lastName, LocalDate dateOfBirth) {

    public Subscriber {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    }

    @Override
    public String toString() {
        return "Subscriber[redacted]";
    }
}
