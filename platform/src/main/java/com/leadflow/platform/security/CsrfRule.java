package com.leadflow.platform.security;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * Which requests need a CSRF token: the state-changing ones that carry this service's session cookie,
 * the only credential a browser sends by itself to another site's request. A request with a bearer
 * token (which no other site can make a browser send) or without the session cookie (it acts for
 * nobody) needs none, nor do the service's {@link AnonymousEndpoints}.
 */
final class CsrfRule implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final String sessionCookie;
    private final ServerWebExchangeMatcher anonymous;

    CsrfRule(String sessionCookie, ServerWebExchangeMatcher anonymous) {
        this.sessionCookie = sessionCookie;
        this.anonymous = anonymous;
    }

    @Override
    public Mono<MatchResult> matches(org.springframework.web.server.ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (SAFE.contains(request.getMethod()) || bearer || !SessionCookie.sentWith(request, sessionCookie)) {
            return MatchResult.notMatch();
        }
        return anonymous.matches(exchange).flatMap(result -> result.isMatch() ? MatchResult.notMatch() : MatchResult.match());
    }
}
