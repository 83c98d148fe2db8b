package com.leadflow.insurance.eligibility;

import java.time.LocalDate;

/**
 * One coverage the payer returned (an EB loop of a 271 in spirit). Money in cents; a null value
 * means the payer did not say.
 */
public record Coverage(
        boolean active,
        String planName,
        LocalDate start,
        LocalDate end,
        Network network,
        Long copayCents,
        Integer coinsurancePercent,
        Long deductibleRemainingCents,
        Long outOfPocketRemainingCents,
        Boolean priorAuthorizationRequired,
        String serviceType) {

    public Coverage {
        network = network == null ? Network.UNKNOWN : network;
    }
}
