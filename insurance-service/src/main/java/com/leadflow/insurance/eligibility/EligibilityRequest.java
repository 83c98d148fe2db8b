package com.leadflow.insurance.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * One eligibility inquiry (an X12 270 in spirit): the practice asks a payer whether a member's
 * coverage is active for the given service types. Holds PHI, so {@link #toString()} shows only the
 * payer and the masked member id.
 */
public record EligibilityRequest(String providerNpi, String payerId, String memberId, Subscriber subscriber,
        List<String> serviceTypeCodes) {

    /** Service type code 30: health benefit plan coverage. */
    public static final String HEALTH_BENEFIT_PLAN_COVERAGE = "30";

    public EligibilityRequest {
        Objects.requireNonNull(providerNpi, "providerNpi");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(subscriber, "subscriber");
        serviceTypeCodes = serviceTypeCodes == null || serviceTypeCodes.isEmpty()
                ? List.of(HEALTH_BENEFIT_PLAN_COVERAGE) : List.copyOf(serviceTypeCodes);
    }

    @Override
    public String toString() {
        return "EligibilityRequest[payer=" + payerId + ", member=" + MemberIdMask.mask(memberId) + "]";
    }
}
