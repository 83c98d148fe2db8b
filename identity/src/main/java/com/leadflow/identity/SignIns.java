package com.leadflow.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which applications each provider session signed a person in to, and at which address, so that
 * signing out can tell each of them (OIDC back-channel logout). In memory: the demo provider runs
 * as one instance, and a restart ends every session anyway.
 */
final class SignIns {

    /** One application a session signed in to. */
    record SignIn(String clientId, String subject, URI redirectUri) {
    }

    private final Map<String, Set<SignIn>> bySession = new ConcurrentHashMap<>();

    /**
     * The {@code sid} Spring Authorization Server puts in ID tokens for an HTTP session: the
     * session id's SHA-256, base64url without padding (never the session id itself).
     */
    static String sid(String httpSessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(httpSessionId.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void record(String sessionId, SignIn signIn) {
        bySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(signIn);
    }

    /** The session's sign-ins, forgotten as they are handed out. */
    List<SignIn> end(String sessionId) {
        Set<SignIn> signIns = bySession.remove(sessionId);
        return signIns == null ? List.of() : List.copyOf(signIns);
    }
}
