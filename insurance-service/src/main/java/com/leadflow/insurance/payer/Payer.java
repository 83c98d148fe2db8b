package com.leadflow.insurance.payer;

import java.util.List;
import java.util.Objects;

/**
 * A payer in the practice's directory.
 *
 * @param id the directory id, also the payer id sent to the clearinghouse
 * @param name the name people know it by
 * @param aliases abbreviations and other names (UHC, BCBS, Elevance ...)
 * @param realTimeEligibility whether the payer answers real-time eligibility inquiries; when not,
 *     a care manager verifies coverage by phone
 */
public record Payer(String id, String name, List<String> aliases, boolean realTimeEligibility) {

    public Payer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
