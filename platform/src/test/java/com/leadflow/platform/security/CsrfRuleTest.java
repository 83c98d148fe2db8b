package com.leadflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** Which requests must carry the session's CSRF token. */
class CsrfRuleTest {

    private static final String COOKIE = "review-service-session";
    private final CsrfRule rule = new CsrfRule(COOKIE, ServerWebExchangeMatchers.pathMatchers("/api/leads"));

    @Test
    void aChangeMadeWithTheSessionCookieNeedsTheToken() {
        assertThat(needsToken(MockServerHttpRequest.post("/api/reviews/r-1/claim").cookie(new HttpCookie(COOKIE, "s"))
                .header("Origin", "https://evil.example"))).isTrue();
        assertThat(needsToken(MockServerHttpRequest.delete("/api/x").cookie(new HttpCookie(COOKIE, "s")))).isTrue();
        // Basic credentials a browser remembers are sent by it on its own, too
        assertThat(needsToken(MockServerHttpRequest.post("/api/x").cookie(new HttpCookie(COOKIE, "s"))
                .header("Authorization", "Basic ZHJsZWU6ZHJsZWUtZGVtbw=="))).isTrue();
    }

    @Test
    void readsBearerTokensCookielessCallsAndTheAnonymousEndpointsNeedNone() {
        assertThat(needsToken(MockServerHttpRequest.get("/api/reviews").cookie(new HttpCookie(COOKIE, "s")))).isFalse();
        assertThat(needsToken(MockServerHttpRequest.post("/api/x").cookie(new HttpCookie(COOKIE, "s"))
                .header("Authorization", "Bearer eyJ"))).isFalse();
        assertThat(needsToken(MockServerHttpRequest.post("/api/x"))).isFalse();
        assertThat(needsToken(MockServerHttpRequest.post("/api/x").cookie(new HttpCookie("other-service-session", "s")))).isFalse();
        assertThat(needsToken(MockServerHttpRequest.post("/api/leads").cookie(new HttpCookie(COOKIE, "s")))).isFalse();
    }

    private boolean needsToken(MockServerHttpRequest.BaseBuilder<?> request) {
        return rule.matches(MockServerWebExchange.from(request)).block().isMatch();
    }
}
