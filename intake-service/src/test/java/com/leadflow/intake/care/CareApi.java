package com.leadflow.intake.care;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The care manager's API as carla (HTTP Basic, a demo user of the service tests) calls it. */
final class CareApi {

    private final WebTestClient http;

    CareApi(WebTestClient http) {
        this.http = http;
    }

    /** One page of the inbox for a query such as {@code ?q=smith&sort=newest}. */
    Map<String, Object> page(String query) {
        return http.get().uri("/api/care/leads" + query).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> leads(String query) {
        return (List<Map<String, Object>>) page(query).get("leads");
    }

    List<Object> ids(String query) {
        return leads(query).stream().map(lead -> lead.get("id")).toList();
    }

    Map<String, Object> row(String leadId, String query) {
        return leads(query).stream().filter(row -> row.get("id").equals(leadId)).findFirst().orElseThrow();
    }

    WebTestClient.ResponseSpec send(String method, String path, Object body) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec attempt(String leadId, String channel, String outcome) {
        return send("POST", "/api/care/leads/" + leadId + "/contact-attempts", Map.of("channel", channel, "outcome", outcome));
    }
}
