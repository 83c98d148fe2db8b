package com.leadflow.platform.security;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whether a request carries this service's session cookie: the one test that says it may act for a
 * signed-in person, shared by the CSRF rule (only such requests need a token) and the session lookups
 * (only such requests can have a session to look in).
 */
final class SessionCookie {

    private SessionCookie() {
    }

    static boolean sentWith(ServerHttpRequest request, String name) {
        return request.getCookies().containsKey(name);
    }
}
