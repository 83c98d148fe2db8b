package com.leadflow.intake.submit;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret in a visitor's status link: 256 random bits, so it cannot be guessed or derived
 * from the lead id.
 */
final class StatusTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StatusTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
