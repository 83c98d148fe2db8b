package com.leadflow.intake.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The exact consent text a visitor saw, by version. The SHA-256 of its UTF-8 bytes is stored with
 * every consent, so the practice can prove later which words were agreed to.
 */
public record Disclosure(String version, String text, String sha256) {

    public static Disclosure of(String version, String text) {
        return new Disclosure(version, text, sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
