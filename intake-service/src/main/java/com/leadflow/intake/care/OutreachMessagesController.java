package com.leadflow.intake.care;

import com.leadflow.platform.security.StaffAccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A lead's messages, as outreach keeps them, in the care manager's view, the kit sent again, and a
 * kit the care team posted by hand marked as posted.
 * Intake calls outreach's care API with the signed-in person's own access token (the one the
 * practice's identity provider gave at sign-in, or the bearer token of an API caller), so outreach
 * checks the role itself and audits the person, not intake. Outreach's answer, problem details
 * included, is passed on as it is.
 */
@Tag(name = "Care managers")
@RestController
class OutreachMessagesController {

    private final WebClient outreach;
    private final StaffAccessTokens tokens;

    OutreachMessagesController(@Value("${leadflow.intake.outreach-url:http://localhost:8086}") String outreachUrl,
            ObjectProvider<ReactiveClientRegistrationRepository> registrations,
            ObjectProvider<ServerOAuth2AuthorizedClientRepository> signIns) {
        this.outreach = WebClient.create(outreachUrl);
        this.tokens = new StaffAccessTokens(registrations, signIns);
    }

    @Operation(summary = "The messages outreach sent the visitor",
            description = "Relayed from outreach with the care manager's own token.")
    @GetMapping("/api/care/leads/{id}/messages")
    Mono<ResponseEntity<byte[]>> messages(@PathVariable UUID id, Authentication person, ServerWebExchange exchange) {
        return relay(HttpMethod.GET, "/api/outreach/leads/" + id + "/messages", person, exchange);
    }

    @Operation(summary = "Send the info kit again",
            description = "Relayed to outreach with the care manager's own token.")
    @PostMapping("/api/care/leads/{id}/kit")
    Mono<ResponseEntity<byte[]>> resendKit(@PathVariable UUID id, Authentication person, ServerWebExchange exchange) {
        return relay(HttpMethod.POST, "/api/outreach/leads/" + id + "/kit", person, exchange);
    }

    /** A kit the care team posted by hand: outreach records it as sent, by post, by this person. */
    @Operation(summary = "Mark a kit posted by hand",
            description = "The care team posted the kit; relayed to outreach with the care manager's own token.")
    @PostMapping("/api/care/messages/{messageId}/posted")
    Mono<ResponseEntity<byte[]>> posted(@PathVariable UUID messageId, Authentication person, ServerWebExchange exchange) {
        return relay(HttpMethod.POST, "/api/outreach/messages/" + messageId + "/posted", person, exchange);
    }

    private Mono<ResponseEntity<byte[]>> relay(HttpMethod method, String path, Authentication person,
            ServerWebExchange exchange) {
        return accessToken(person, exchange)
                .flatMap(token -> outreach.method(method).uri(path)
                        .headers(h -> h.setBearerAuth(token))
                        .accept(MediaType.APPLICATION_JSON)
                        .exchangeToMono(answer -> answer.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                                .map(body -> ResponseEntity.status(answer.statusCode())
                                        .contentType(answer.headers().contentType().orElse(MediaType.APPLICATION_JSON))
                                        .body(body)))
                        .onErrorResume(e -> !(e instanceof TokenMissing), e -> Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE,
                                "Outreach cannot be reached", "The messages cannot be shown just now. Try again in a minute."))))
                .onErrorResume(TokenMissing.class, e -> Mono.just(problem(HttpStatus.UNAUTHORIZED, "Sign in again",
                        "Your sign-in does not carry a token outreach accepts. Sign out and sign in again.")));
    }

    /** The person's own token; a demo user (HTTP Basic, tests only) has none to pass on. */
    private Mono<String> accessToken(Authentication person, ServerWebExchange exchange) {
        return tokens.of(person, exchange).switchIfEmpty(Mono.error(TokenMissing::new));
    }

    private static ResponseEntity<byte[]> problem(HttpStatus status, String title, String detail) {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final class TokenMissing extends RuntimeException {
        TokenMissing() {
            super("no access token to relay", null, false, false);
        }
    }
}
