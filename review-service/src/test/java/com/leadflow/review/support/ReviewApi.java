package com.leadflow.review.support;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The clinicians' API as a signed-in demo clinician uses it. */
public final class ReviewApi {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;

    public ReviewApi(WebTestClient http) {
        this.http = http;
    }

    public WebTestClient as(String user) {
        return http.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-demo")).build();
    }

    public List<Map<String, Object>> queue(String user) {
        return as(user).get().uri("/api/reviews").exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
    }

    public WebTestClient.ResponseSpec review(String user, String reviewId) {
        return as(user).get().uri("/api/reviews/{id}", reviewId).exchange();
    }

    public WebTestClient.ResponseSpec post(String user, String reviewId, String action) {
        return as(user).post().uri("/api/reviews/{id}/{action}", reviewId, action).exchange();
    }

    public WebTestClient.ResponseSpec next(String user) {
        return as(user).post().uri("/api/reviews/next").exchange();
    }

    public WebTestClient.ResponseSpec complete(String user, String reviewId, Map<String, Object> form) {
        return as(user).post().uri("/api/reviews/{id}/complete", reviewId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(form).exchange();
    }

    public static Map<String, Object> candidate(String procedure) {
        return Map.of("outcome", "CANDIDATE", "recommendedProcedure", procedure, "notes", "Zebulon: clear L5-S1 herniation");
    }
}
