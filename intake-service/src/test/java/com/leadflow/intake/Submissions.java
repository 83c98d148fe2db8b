package com.leadflow.intake;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Submits leads through the public API the way the form does, for tests that need one. */
public final class Submissions {

    private Submissions() {
    }

    /** The accepted answer's fields: leadId, statusUrl, statusApi, imagingUploadUrl. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> submit(WebTestClient http, LeadJson lead) {
        return http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lead.body()).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
