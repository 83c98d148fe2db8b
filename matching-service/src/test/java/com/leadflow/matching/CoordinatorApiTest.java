package com.leadflow.matching;

import static com.leadflow.events.Condition.COMPRESSION_FRACTURE;
import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Condition.UNKNOWN;
import static com.leadflow.events.Procedure.KYPHOPLASTY;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static com.leadflow.events.Procedure.UNSURE;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The coordinator runs the program through the APIs the coordinator's page calls. */
class CoordinatorApiTest extends MatchingScenario {

    @Test
    void theCoordinatorAddsEditsPausesResumesAndRetiresAPastPatient() {
        Map<String, Object> larry = json(form("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2));
        String id = as("cora").post().uri("/api/ambassadors").bodyValue(larry).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        larry.put("maxActive", 3);
        larry.put("consentEvidence", "Recorded phone call with the coordinator, 2022-01-10");
        as("cora").put().uri("/api/ambassadors/{id}", id).bodyValue(larry).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.maxActive").isEqualTo(3)
                .jsonPath("$.consentEvidence").isEqualTo("Recorded phone call with the coordinator, 2022-01-10")
                .jsonPath("$.consentDate").isEqualTo("2022-01-10");
        as("cora").post().uri("/api/ambassadors/{id}/pause", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAUSED");
        as("cora").post().uri("/api/ambassadors/{id}/resume", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        as("cora").post().uri("/api/ambassadors/{id}/retire", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETIRED");

        // retiring is final: consent was withdrawn
        as("cora").put().uri("/api/ambassadors/{id}", id).bodyValue(larry).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as("cora").post().uri("/api/ambassadors/{id}/resume", id).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aPastPatientWithoutConsentEvidenceOrWithBrokenFieldsIsRefusedNamingEachField() {
        Map<String, Object> broken = new LinkedHashMap<>(json(form("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2)));
        broken.put("consentEvidence", " ");
        broken.put("maxActive", 0);
        broken.put("consentDate", "2999-01-01");

        as("cora").post().uri("/api/ambassadors").bodyValue(broken).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("maxActive", "consentDate", "consentEvidence"))
                .jsonPath("$.errors[*].rule").isEqualTo(List.of("range", "past-or-present", "required"));
        assertThat(ambassadors.findAll().collectList().block()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMatchBoardShowsEachMatchInItsColumnAsItIsAcceptedDeclinedAndCompleted() {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 3);
        String accepted = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        String declined = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        String first = awaitStatus(accepted, LeadStatus.MATCH_PROPOSED).getMatch().getMatchId();
        String second = awaitStatus(declined, LeadStatus.MATCH_PROPOSED).getMatch().getMatchId();
        assertThat(column("proposed")).contains(first, second);

        as("cora").post().uri("/api/matches/{id}/accept", first).exchange().expectStatus().isOk();
        as("cora").post().uri("/api/matches/{id}/decline", second).exchange().expectStatus().isOk();
        assertThat(column("accepted")).containsExactly(first);
        assertThat(column("declined")).containsExactly(second);

        // feedback needs a rating; the visitor's words are kept with it
        as("cora").post().uri("/api/matches/{id}/complete", first).bodyValue(Map.of("comment", "Helpful")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("rating");
        as("cora").post().uri("/api/matches/{id}/complete", first)
                .bodyValue(Map.of("rating", 4, "comment", "Larry answered every question")).exchange()
                .expectStatus().isOk();
        Map<String, Object> board = board();
        List<Map<String, Object>> completed = (List<Map<String, Object>>) board.get("completed");
        assertThat(completed).singleElement().satisfies(m -> {
            assertThat(m.get("id")).isEqualTo(first);
            assertThat(m.get("feedbackRating")).isEqualTo(4);
            assertThat(m.get("feedbackComment")).isEqualTo("Larry answered every question");
        });
        assertThat(column("accepted")).isEmpty();
    }

    @Test
    void theWaitListSaysWhyEachLeadWaits() {
        UUID lou = ambassador("Lou", "M", SPINAL_STENOSIS, LAMINECTOMY, 1);
        // one after the other: leads on different partitions would otherwise join the wait-list in any order
        String vague = submit(UNKNOWN, UNSURE, true, true, "en");
        awaitStatus(vague, LeadStatus.MATCH_WAITLISTED);
        String kyphoplasty = submit(COMPRESSION_FRACTURE, KYPHOPLASTY, true, true, "en");
        awaitStatus(kyphoplasty, LeadStatus.MATCH_WAITLISTED);
        String spanish = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "es");
        awaitStatus(spanish, LeadStatus.MATCH_WAITLISTED);
        as("cora").post().uri("/api/ambassadors/{id}/pause", lou).exchange().expectStatus().isOk();
        String paused = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        awaitStatus(paused, LeadStatus.MATCH_WAITLISTED);

        Map<String, String> why = waitlist();
        assertThat(why.get(vague)).startsWith("Waiting for the review's findings");
        assertThat(why.get(kyphoplasty)).startsWith("Nobody in the registry had a kyphoplasty or compression fracture");
        assertThat(why.get(spanish)).isEqualTo("One past patient had a laminectomy or spinal stenosis, but none speaks Spanish");
        assertThat(why.get(paused)).startsWith("Everyone who fits is busy (1 paused)");
        assertThat(List.copyOf(why.keySet())).as("longest waiting first").containsExactly(vague, kyphoplasty, spanish, paused);
    }

    @Test
    void onlyTheCoordinatorAndAdminsRunTheProgram() {
        for (String path : List.of("/api/waitlist", "/api/match-board", "/api/coordinator/choices")) {
            as("cora").get().uri(path).exchange().expectStatus().isOk();
            as("adam").get().uri(path).exchange().expectStatus().isOk();
            as("carla").get().uri(path).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail")
                    .isEqualTo("This needs the Ambassador Coordinator role or the Administrator role.");
            as("drlee").get().uri(path).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isForbidden();
        }
        String page = as("carla").get().uri("/coordinator/index.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("You need the Ambassador Coordinator role or the Administrator role to open this page.");
        as("carla").post().uri("/api/ambassadors").bodyValue(json(form("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2)))
                .exchange().expectStatus().isForbidden();
        // the service's root leads to the coordinator's page
        as("cora").get().uri("/").exchange().expectStatus().isTemporaryRedirect()
                .expectHeader().location("/coordinator/index.html");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> board() {
        return as("cora").get().uri("/api/match-board").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> column(String state) {
        return ((List<Map<String, Object>>) board().get(state)).stream().map(m -> m.get("id").toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> waitlist() {
        Map<String, String> why = new LinkedHashMap<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            why.clear();
            as("cora").get().uri("/api/waitlist").exchange().expectStatus().isOk()
                    .expectBodyList(Map.class).returnResult().getResponseBody()
                    .forEach(entry -> why.put(entry.get("leadId").toString(), entry.get("why").toString()));
            return why.size() == 4;
        });
        return why;
    }
}
