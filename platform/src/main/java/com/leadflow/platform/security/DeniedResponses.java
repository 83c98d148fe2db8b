package com.leadflow.platform.security;

import com.leadflow.platform.web.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a caller gets instead of the thing they asked for. API callers get RFC 9457 problem details
 * (401: not signed in; 403: the role it needs, or a missing CSRF token). A browser opening a page
 * is sent to sign in, or gets a page in plain words saying which role the page needs.
 */
final class DeniedResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final boolean signInEnabled;
    private final JsonMapper json;
    private final RedirectServerAuthenticationEntryPoint signIn =
            new RedirectServerAuthenticationEntryPoint(StaffPages.SIGN_IN_PATH);
    /** The chain's own authorization rules, to find which roles would open a refused path. */
    private final AtomicReference<AuthorizationWebFilter> rules = new AtomicReference<>();

    DeniedResponses(boolean signInEnabled, JsonMapper json) {
        this.signInEnabled = signInEnabled;
        this.json = json;
    }

    /** Called once the chain is built. */
    void useRulesOf(SecurityWebFilterChain chain) {
        chain.getWebFilters().filter(AuthorizationWebFilter.class::isInstance).cast(AuthorizationWebFilter.class)
                .next().subscribe(rules::set);
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException notSignedIn) {
        if (wantsPage(exchange)) {
            if (signInEnabled && HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
                // remembers the page, and comes back to it once the person has signed in
                return signIn.commence(exchange, notSignedIn);
            }
            return StaffPages.write(exchange, HttpStatus.UNAUTHORIZED, StaffPages.signInNeeded(signInEnabled));
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "not-signed-in", "Not signed in",
                "This needs a signed-in person: send a bearer token from the practice's identity provider."));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return csrfRefused(exchange);
        }
        return Mono.zip(ReactiveSecurityContextHolder.getContext().map(c -> c.getAuthentication()), rolesThatWouldOpen(exchange))
                .flatMap(found -> {
                    Authentication who = found.getT1();
                    List<Role> roles = found.getT2();
                    if (wantsPage(exchange)) {
                        // a person signed in at the provider may sign out to sign in as someone else
                        Mono<CsrfToken> csrf = who instanceof OAuth2AuthenticationToken ? csrfToken(exchange) : Mono.empty();
                        return csrf.map(Optional::of).defaultIfEmpty(Optional.empty())
                                .flatMap(token -> StaffPages.write(exchange, HttpStatus.FORBIDDEN,
                                        StaffPages.roleNeeded(who.getName(), roles, token.orElse(null))));
                    }
                    ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "role-needed", "Role needed",
                            roles.isEmpty() ? "Your role does not allow this." : "This needs " + StaffPages.needed(roles) + ".");
                    problem.setProperty("requiredRoles", roles.stream().map(Role::name).toList());
                    return problem(exchange, problem);
                });
    }

    private Mono<Void> csrfRefused(ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "csrf", "Cross-site request refused",
                "A change made with a signed-in session needs the page's CSRF token in the X-CSRF-TOKEN header; "
                        + "this request had none or a wrong one (it may come from another site).");
        if (wantsPage(exchange)) {
            return StaffPages.write(exchange, HttpStatus.FORBIDDEN, StaffPages.crossSiteRefused());
        }
        return problem(exchange, problem);
    }

    /** The roles that would open this path, found by asking the chain's own rules. */
    private Mono<List<Role>> rolesThatWouldOpen(ServerWebExchange exchange) {
        AuthorizationWebFilter filter = rules.get();
        if (filter == null) {
            return Mono.just(List.of());
        }
        return Flux.fromArray(Role.values())
                .concatMap(role -> {
                    Authentication probe = UsernamePasswordAuthenticationToken.authenticated("probe", null,
                            List.of(new SimpleGrantedAuthority(role.authority())));
                    return filter.filter(exchange, ignored -> Mono.empty())
                            .contextWrite(ReactiveSecurityContextHolder.withAuthentication(probe))
                            .thenReturn(List.of(role))
                            .onErrorResume(AccessDeniedException.class, e -> Mono.just(List.of()));
                })
                .reduce(new ArrayList<Role>(), (all, some) -> {
                    all.addAll(some);
                    return all;
                })
                .map(List::copyOf);
    }

    private static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    /** A browser navigating (it asks for HTML first); fetch() and API clients ask for JSON or anything. */
    static boolean wantsPage(ServerWebExchange exchange) {
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> problem(ServerWebExchange exchange, ProblemDetail problem) {
        return Problems.write(exchange, problem, json);
    }
}
