package com.leadflow.platform.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's own access token (OAuth 2 client credentials) from the practice's identity provider,
 * for calls a service makes for itself rather than for a signed-in person: the ops console reading
 * the actuators (its client carries the ops role), outreach asking intake for a visitor's status
 * link. The token is kept until shortly before it expires, then a new one is asked for. Blocking,
 * with short timeouts: callers run it on a thread of their own, never on an event loop.
 */
public class ClientCredentialsToken {

    /** A token is renewed this long before it expires, so no request carries one that lapses on the way. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String issuerUri;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private String tokenEndpoint;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentialsToken(String issuerUri, String clientId, String clientSecret, Clock clock) {
        this.issuerUri = issuerUri.replaceAll("/$", "");
        this.clientId = clientId;
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.clock = clock;
    }

    /** The {@code Authorization} header value; throws {@link IllegalStateException} when no token can be had. */
    public synchronized String authorization() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    /** The client the token is asked for: safe to name on a page or in a log, unlike the secret. */
    public String clientId() {
        return clientId;
    }

    private void fetch() {
        Instant askedAt = clock.instant();
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        String issued = answer.path("access_token").asString(null);
        if (issued == null || issued.isBlank()) {
            throw new IllegalStateException("The identity provider's answer holds no access token");
        }
        long lifetime = answer.path("expires_in").asLong(60);
        token = issued;
        renewAt = askedAt.plusSeconds(lifetime).minus(RENEW_BEFORE);
    }

    private String tokenEndpoint() {
        if (tokenEndpoint == null) {
            String endpoint = send(HttpRequest.newBuilder(URI.create(issuerUri + "/.well-known/openid-configuration")).GET())
                    .path("token_endpoint").asString(null);
            if (endpoint == null) {
                throw new IllegalStateException("The identity provider names no token endpoint");
            }
            tokenEndpoint = endpoint;
        }
        return tokenEndpoint;
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // the body may echo the client; only the status is told
                throw new IllegalStateException("The identity provider answered HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The identity provider did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for a token", e);
        }
    }

    /** RFC 6749 2.3.1: client id and secret are form-encoded before Basic. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
