package com.leadflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * Who a request's person is, and the page they asked for before signing in, come from their session,
 * and only when they sent its cookie: an anonymous request makes no session.
 */
class SessionOnlyWithItsCookieTest {

    private static final String COOKIE = "intake-service-session";

    private final InMemoryWebSessionStore store = new InMemoryWebSessionStore();
    private final AtomicInteger sessionsTouched = new AtomicInteger();
    private final DefaultWebSessionManager sessions = new DefaultWebSessionManager();
    private final SessionCookieContexts contexts = new SessionCookieContexts(COOKIE);
    private final SessionCookieRequestCache requests = new SessionCookieRequestCache(COOKIE);

    SessionOnlyWithItsCookieTest() {
        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        cookies.setCookieName(COOKIE);
        sessions.setSessionIdResolver(cookies);
        sessions.setSessionStore(new CountingStore());
    }

    @Test
    void aRequestWithoutTheSessionCookieIsAnonymousAndNoSessionIsMadeForIt() {
        ServerWebExchange visitor = exchange(MockServerHttpRequest.post("/api/leads"));

        assertThat(contexts.load(visitor).blockOptional()).isEmpty();
        assertThat(requests.removeMatchingRequest(visitor).blockOptional()).isEmpty();
        assertThat(sessionsTouched).hasValue(0);
    }

    @Test
    void thePageAskedForBeforeSigningInIsFoundAgainWithTheSessionCookie() {
        // a page a browser asks for (the cache keeps only those)
        ServerWebExchange asked = exchange(MockServerHttpRequest.get("/care/leads?view=overdue").accept(MediaType.TEXT_HTML));
        requests.saveRequest(asked).block();
        WebSession session = asked.getSession().block();
        session.save().block();

        ServerWebExchange back = exchange(MockServerHttpRequest.get("/care/leads?view=overdue")
                .cookie(new HttpCookie(COOKIE, session.getId())));

        assertThat(requests.removeMatchingRequest(back).block().getURI().getPath()).isEqualTo("/care/leads");
    }

    @Test
    void aSignInIsSavedInTheSessionAndFoundAgainWithItsCookie() {
        ServerWebExchange signIn = exchange(MockServerHttpRequest.get("/login/oauth2/code/leadflow")
                .cookie(new HttpCookie(COOKIE, "not-yet-a-session")));
        SecurityContext signedIn = new SecurityContextImpl(new TestingAuthenticationToken("care-manager", "n/a", "ROLE_CARE_MANAGER"));
        contexts.save(signIn, signedIn).block();
        WebSession session = signIn.getSession().block();
        session.save().block();

        ServerWebExchange next = exchange(MockServerHttpRequest.get("/api/care/inbox")
                .cookie(new HttpCookie(COOKIE, session.getId())));

        assertThat(contexts.load(next).block().getAuthentication().getName()).isEqualTo("care-manager");
    }

    private ServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.builder(request.build()).sessionManager(sessions).build();
    }

    /** The real in-memory store, counting every time a session is looked for or made. */
    private final class CountingStore implements WebSessionStore {

        @Override
        public Mono<WebSession> createWebSession() {
            sessionsTouched.incrementAndGet();
            return store.createWebSession();
        }

        @Override
        public Mono<WebSession> retrieveSession(String sessionId) {
            sessionsTouched.incrementAndGet();
            return store.retrieveSession(sessionId);
        }

        @Override
        public Mono<Void> removeSession(String sessionId) {
            return store.removeSession(sessionId);
        }

        @Override
        public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
            return store.updateLastAccessTime(webSession);
        }
    }
}
