package com.leadflow.outreach.link;

import com.leadflow.platform.security.ClientCredentialsToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks intake ({@code GET /api/status-links/{leadId}}) with outreach's own token, whose client carries
 * the {@code OUTREACH} role at the identity provider. Blocking with short timeouts: it runs on the
 * sender's thread, which waits for the answer anyway.
 */
public class IntakeStatusLinks implements StatusLinks {

    private final URI intake;
    private final ClientCredentialsToken token;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public IntakeStatusLinks(URI intake, ClientCredentialsToken token, Duration timeout) {
        this.intake = URI.create(intake.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<String> of(UUID leadId) {
        HttpResponse<String> answer = send(leadId, authorization());
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(url(answer.body()));
            case 404 -> Optional.empty();
            default -> throw new Unavailable("intake answered HTTP " + answer.statusCode() + " for the status link");
        };
    }

    private String authorization() {
        try {
            return token.authorization();
        } catch (IllegalStateException e) {
            throw new Unavailable("no token for intake: " + e.getMessage());
        }
    }

    private HttpResponse<String> send(UUID leadId, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(intake.resolve("api/status-links/" + leadId))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(timeout)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("intake did not answer for the status link (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking intake for the status link");
        }
    }

    private String url(String body) {
        try {
            String url = json.readTree(body).path("url").asString(null);
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new Unavailable("intake's answer holds no status link");
            }
            return url;
        } catch (JacksonException e) {
            throw new Unavailable("intake's answer is not JSON");
        }
    }
}
