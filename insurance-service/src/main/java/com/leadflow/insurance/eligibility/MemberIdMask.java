package com.leadflow.insurance.eligibility;

/**
 * How a member id is shown to people: only its last four characters, behind a fixed-width mask
 * so the length is not revealed either. Ids of four characters or fewer are hidden entirely.
 */
public final class MemberIdMask {

    private static final String MASK = "****";

    private MemberIdMask() {
    }

    public static String mask(String memberId) {
        if (memberId == null || memberId.isBlank()) {
            return MASK;
        }
        String trimmed = memberId.strip();
        return trimmed.length() <= 4 ? MASK : MASK + trimmed.substring(trimmed.length() - 4);
    }
}
