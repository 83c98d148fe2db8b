package com.leadflow.platform.security;

import com.leadflow.platform.openapi.RouteOperations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * What the staff pages' script ({@code /leadflow/staff.js}) asks the service: who is signed in, and
 * the CSRF token to send with each change. Also the page a person lands on after signing out.
 */
final class StaffSessionRoutes {

    static final String SESSION_PATH = "/leadflow/session";
    static final String SIGNED_OUT_PATH = "/signed-out";

    private StaffSessionRoutes() {
    }

    static RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(SESSION_PATH, StaffSessionRoutes::session)
                .withAttribute(RouteOperations.SUMMARY, "Who is signed in, their roles and the session's CSRF token")
                .GET(SIGNED_OUT_PATH, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .bodyValue(StaffPages.signedOut()))
                .withAttribute(RouteOperations.SUMMARY, "The page saying the person is signed out")
                .withAttribute(RouteOperations.PUBLIC, true)
                .build();
    }

    private static Mono<ServerResponse> session(ServerRequest request) {
        Mono<CsrfToken> csrf = request.exchange().getAttribute(CsrfToken.class.getName());
        return request.principal().cast(Authentication.class)
                .zipWith(csrf == null ? Mono.error(new IllegalStateException("CSRF protection is off")) : csrf)
                .flatMap(found -> {
                    Authentication who = found.getT1();
                    CsrfToken token = found.getT2();
                    List<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("user", who.getName());
                    body.put("roles", roles);
                    body.put("csrf", Map.of("header", token.getHeaderName(), "parameter", token.getParameterName(),
                            "token", token.getToken()));
                    body.put("signOut", "/logout");
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                })
                .switchIfEmpty(ServerResponse.status(HttpStatus.UNAUTHORIZED).build());
    }
}
