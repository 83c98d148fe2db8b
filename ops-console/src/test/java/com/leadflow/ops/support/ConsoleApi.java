package com.leadflow.ops.support;

import com.leadflow.ops.overview.OpsSampler;
import com.leadflow.ops.overview.OpsState;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The console's API as ops call it, signed in as {@code olive}. */
public final class ConsoleApi {

    public static final String OPS_USER = "olive";
    public static final String OPS_PASSWORD = "olive-demo";

    private final WebTestClient http;
    private final OpsSampler sampler;

    public ConsoleApi(WebTestClient http, OpsSampler sampler) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        this.sampler = sampler;
    }

    public WebTestClient.RequestHeadersSpec<?> get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBasicAuth(OPS_USER, OPS_PASSWORD));
    }

    public WebTestClient.RequestHeadersSpec<?> post(String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBasicAuth(OPS_USER, OPS_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public String getText(String uri) {
        return get(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> postJson(String uri, Object body, int status) {
        return post(uri, body).exchange().expectStatus().isEqualTo(status).expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    /** Waits until a sample taken from now on satisfies {@code condition}, and returns it. */
    public OpsState awaitState(Predicate<OpsState> condition, Duration timeout) {
        var after = java.time.Instant.now();
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(sampler::state, state -> state.sampledAt() != null && !state.sampledAt().isBefore(after)
                        && condition.test(state));
    }
}
