package com.leadflow.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * OIDC Back-Channel Logout 1.0 from the provider's side, which Spring Authorization Server does not
 * offer: when a person signs out, every application their session signed in to gets a signed logout
 * token at its back-channel address and ends its own session at once.
 */
final class BackChannelLogout {

    private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);
    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final SignIns signIns;
    private final RegisteredClientRepository clients;
    private final JwtEncoder encoder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    BackChannelLogout(SignIns signIns, RegisteredClientRepository clients, JwtEncoder encoder) {
        this.signIns = signIns;
        this.clients = clients;
        this.encoder = encoder;
    }

    /** Tells every application the session signed in to; waits (briefly) until each answered. */
    void endSession(String sessionId, String issuer) {
        List<CompletableFuture<Void>> calls = signIns.end(sessionId).stream()
                .map(signIn -> notify(signIn, sessionId, issuer))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> notify(SignIns.SignIn signIn, String sessionId, String issuer) {
        RegisteredClient client = clients.findByClientId(signIn.clientId());
        String configured = client == null ? null : client.getClientSettings().getSetting(ClientApplications.BACK_CHANNEL_LOGOUT_URI);
        if (configured == null) {
            return CompletableFuture.completedFuture(null);
        }
        URI target = signIn.redirectUri().resolve(configured);
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(signIn.subject())
                .audience(List.of(signIn.clientId()))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(2)))
                .id(UUID.randomUUID().toString())
                .claim("sid", sessionId)
                .claim("events", Map.of(EVENT, Map.of()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenAccept(response -> {
                    if (response.statusCode() / 100 != 2) {
                        log.warn("Back-channel logout at {} answered {}", signIn.clientId(), response.statusCode());
                    }
                })
                .exceptionally(failure -> {
                    // the application's sessions then end with their own idle timeout
                    log.warn("Back-channel logout at {} failed: {}", signIn.clientId(), failure.getClass().getSimpleName());
                    return null;
                });
    }
}
