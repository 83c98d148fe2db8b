package com.leadflow.identity;

import java.net.URI;
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

    void record(String sessionId, SignIn signIn) {
        bySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(signIn);
    }

    /** The session's sign-ins, forgotten as they are handed out. */
    List<SignIn> end(String sessionId) {
        Set<SignIn> signIns = bySession.remove(sessionId);
        return signIns == null ? List.of() : List.copyOf(signIns);
    }
}
