package com.leadflow.intake.ratelimit;

import com.leadflow.intake.submit.SubmissionProperties;
import com.leadflow.platform.web.Problems;
import com.leadflow.intake.evidence.ClientAddresses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the public write endpoints before any body is read: a declared body above the limit gets
 * 413, and a client IP that floods them gets 429 with Retry-After.
 */
@Component
class PublicEndpointGuard implements WebFilter, Ordered {

    private final RateLimiter limiter;
    private final RateLimitProperties rateLimit;
    private final SubmissionProperties submission;
    private final JsonMapper json;
    private final ClientAddresses clients;

    PublicEndpointGuard(RateLimiter limiter, RateLimitProperties rateLimit, SubmissionProperties submission,
            JsonMapper json, ClientAddresses clients) {
        this.clients = clients;
        this.limiter = limiter;
        this.rateLimit = rateLimit;
        this.submission = submission;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        boolean submission = path.equals("/api/leads");
        boolean upload = path.equals("/api/imaging") || (path.startsWith("/api/status/") && path.endsWith("/imaging"));
        if (request.getMethod() != HttpMethod.POST || !(submission || upload)) {
            return chain.filter(exchange);
        }
        if (submission && request.getHeaders().getContentLength() > this.submission.maxBodySize().toBytes()) {
            return Problems.write(exchange, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "Request body too large", "A submission may be at most "
                            + this.submission.maxBodySize().toKilobytes() + " KB."), json);
        }
        if (rateLimit.enabled()) {
            var wait = limiter.tryAcquire(clients.of(request));
            if (wait.isPresent()) {
                exchange.getResponse().getHeaders().set("Retry-After",
                        String.valueOf(Math.max(1, wait.get().toSeconds())));
                return Problems.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                        "Too many requests", "Too many submissions from this address; try again shortly."), json);
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // after correlation, before security: floods are turned away cheaply
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
