package com.leadflow.matching;

import static com.leadflow.events.Condition.COMPRESSION_FRACTURE;
import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.KYPHOPLASTY;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static com.leadflow.events.Procedure.SPINAL_FUSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A match's life as care managers and admins drive it, and the wait-list that follows the registry. */
class MatchLifecycleFlowTest extends MatchingScenario {

    @Test
    void aWaitlistedLeadIsMatchedWhenAConversationEndsAndFreesTheSlot() {
        UUID larry = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 1);
        String first = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        String matchId = awaitStatus(first, LeadStatus.MATCH_PROPOSED).getMatch().getMatchId();
        String second = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        assertThat(awaitStatus(second, LeadStatus.MATCH_WAITLISTED).getSummary()).contains("wait-list");

        as("carla").post().uri("/api/matches/{id}/complete", matchId).bodyValue(Map.of("rating", 5)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        as("carla").post().uri("/api/matches/{id}/accept", matchId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACCEPTED");
        awaitStatus(first, LeadStatus.MATCH_ACCEPTED);
        as("carla").post().uri("/api/matches/{id}/complete", matchId).bodyValue(Map.of("rating", 9)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rating")
                .jsonPath("$.errors[0].rule").isEqualTo("range");
        as("carla").post().uri("/api/matches/{id}/complete", matchId)
                .bodyValue(Map.of("rating", 5, "comment", "Larry made me feel ready")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("COMPLETED");

        assertThat(awaitStatus(first, LeadStatus.MATCH_COMPLETED).getMatch().getFeedbackRating()).isEqualTo(5);
        LeadStatusChanged proposed = awaitStatus(second, LeadStatus.MATCH_PROPOSED);
        assertThat(proposed.getMatch().getAmbassadorId()).isEqualTo(larry.toString());
    }

    @Test
    void aDeclinedMatchIsProposedToSomeoneElseAndNeverToTheDeclinerAgain() {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        ambassador("Lou", "M", SPINAL_STENOSIS, LAMINECTOMY, 2);
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        LeadStatusChanged firstProposal = awaitStatus(lead, LeadStatus.MATCH_PROPOSED);

        as("adam").post().uri("/api/matches/{id}/decline", firstProposal.getMatch().getMatchId()).exchange()
                .expectStatus().isOk();
        awaitStatus(lead, LeadStatus.MATCH_DECLINED);
        LeadStatusChanged secondProposal = awaitStatuses(lead, LeadStatus.MATCH_PROPOSED, 2).get(1);
        assertThat(secondProposal.getMatch().getAmbassadorId()).isNotEqualTo(firstProposal.getMatch().getAmbassadorId());

        as("carla").post().uri("/api/matches/{id}/decline", secondProposal.getMatch().getMatchId()).exchange()
                .expectStatus().isOk();
        awaitStatus(lead, LeadStatus.MATCH_WAITLISTED);
        assertThat(ambassadors.findAll().map(a -> a.activeMatches()).collectList().block()).containsOnly(0);
    }

    @Test
    void aWaitlistedLeadIsMatchedWhenAnAmbassadorWhoFitsJoins() {
        String lead = submit(COMPRESSION_FRACTURE, KYPHOPLASTY, true, true, "en");
        awaitStatus(lead, LeadStatus.MATCH_WAITLISTED);

        String patricia = as("adam").post().uri("/api/ambassadors")
                .bodyValue(json(form("Patricia", "O", COMPRESSION_FRACTURE, KYPHOPLASTY, 1))).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        LeadStatusChanged proposed = awaitStatus(lead, LeadStatus.MATCH_PROPOSED);
        assertThat(proposed.getMatch().getAmbassadorId()).isEqualTo(patricia);
        assertThat(proposed.getMatch().getAmbassadorDisplayName()).isEqualTo("Patricia O.");
    }

    @Test
    void aVisitorWhoPrefersSpanishWaitsForAnAmbassadorWhoSpeaksIt() {
        ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "es");
        awaitStatus(lead, LeadStatus.MATCH_WAITLISTED);

        UUID carmen = ambassador("Carmen", "R", SPINAL_STENOSIS, SPINAL_FUSION, 2, "es", "en");

        LeadStatusChanged proposed = awaitStatus(lead, LeadStatus.MATCH_PROPOSED);
        assertThat(proposed.getMatch().getAmbassadorId()).isEqualTo(carmen.toString());
        assertThat(proposed.getMatch().getReasons()).contains("Speaks Spanish", "Same condition: spinal stenosis");
    }

    @Test
    void aPausedAmbassadorIsNotMatchedUntilResumed() {
        UUID larry = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2);
        as("adam").post().uri("/api/ambassadors/{id}/pause", larry).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAUSED");
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        awaitStatus(lead, LeadStatus.MATCH_WAITLISTED);
        assertThat(matchesOf(lead)).isEmpty();

        as("adam").post().uri("/api/ambassadors/{id}/resume", larry).exchange().expectStatus().isOk();

        assertThat(awaitStatus(lead, LeadStatus.MATCH_PROPOSED).getMatch().getAmbassadorId()).isEqualTo(larry.toString());
    }

    @Test
    void aRetiredAmbassadorIsNeverMatchedAgainAndTheirVisitorIsMatchedWithSomeoneElse() {
        UUID larry = ambassador("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 3);
        UUID sam = ambassador("Sam", "R", SPINAL_STENOSIS, SPINAL_FUSION, 3);
        String lead = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        assertThat(awaitStatus(lead, LeadStatus.MATCH_PROPOSED).getMatch().getAmbassadorId()).isEqualTo(larry.toString());

        as("adam").post().uri("/api/ambassadors/{id}/retire", larry).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETIRED");

        assertThat(awaitStatus(lead, LeadStatus.MATCH_DECLINED).getSummary()).contains("no longer available");
        assertThat(awaitStatuses(lead, LeadStatus.MATCH_PROPOSED, 2).get(1).getMatch().getAmbassadorId())
                .isEqualTo(sam.toString());
        String later = submit(SPINAL_STENOSIS, LAMINECTOMY, true, true, "en");
        assertThat(awaitStatus(later, LeadStatus.MATCH_PROPOSED).getMatch().getAmbassadorId()).isEqualTo(sam.toString());
        as("adam").post().uri("/api/ambassadors/{id}/resume", larry).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void onlyAdminsChangeTheRegistryAndBrokenFieldsAreNamed() {
        Map<String, Object> larry = json(form("Larry", "L", SPINAL_STENOSIS, LAMINECTOMY, 2));
        http.post().uri("/api/ambassadors").bodyValue(larry).exchange().expectStatus().isUnauthorized();
        as("carla").post().uri("/api/ambassadors").bodyValue(larry).exchange().expectStatus().isForbidden();
        as("drlee").get().uri("/api/ambassadors").exchange().expectStatus().isForbidden();

        Map<String, Object> broken = new java.util.LinkedHashMap<>(larry);
        broken.put("procedure", "TELEPORTATION");
        broken.put("maxActive", 0);
        as("adam").post().uri("/api/ambassadors").bodyValue(broken).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[0].field").isEqualTo("procedure")
                .jsonPath("$.errors[0].rule").isEqualTo("one-of")
                .jsonPath("$.errors[1].field").isEqualTo("maxActive")
                .jsonPath("$.errors[1].rule").isEqualTo("range");
        as("adam").post().uri("/api/ambassadors").header("Content-Type", "application/json").bodyValue("{\"firstName\":")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].rule").isEqualTo("malformed-json");

        String id = as("adam").post().uri("/api/ambassadors").bodyValue(larry).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        larry.put("maxActive", 4);
        as("adam").put().uri("/api/ambassadors/{id}", id).bodyValue(larry).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.maxActive").isEqualTo(4)
                .jsonPath("$.displayName").isEqualTo("Larry L.");
        as("adam").put().uri("/api/ambassadors/{id}", UUID.randomUUID()).bodyValue(larry).exchange()
                .expectStatus().isNotFound();
        as("carla").get().uri("/api/ambassadors/{id}", id).exchange().expectStatus().isOk();
        as("carla").get().uri("/api/matches").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("leadId");
        assertThat(as("carla").get().uri("/api/matches?leadId={lead}", "no-such-lead").exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()).isEqualTo(List.of());
    }

    @Test
    void anAmbassadorWithAFieldTheFormDoesNotHaveOrAQuotedNumberIsRefusedAndNotAdded() {
        Map<String, Object> lou = json(form("Lou", "Q", SPINAL_STENOSIS, LAMINECTOMY, 2));
        lou.put("lastName", "Quill");
        as("adam").post().uri("/api/ambassadors").bodyValue(lou).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lastName")
                .jsonPath("$.errors[0].rule").isEqualTo("unknown-field");
        lou.remove("lastName");
        lou.put("maxActive", "2");
        as("adam").post().uri("/api/ambassadors").bodyValue(lou).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("maxActive")
                .jsonPath("$.errors[0].rule").isEqualTo("type");
        lou.put("maxActive", 2.5);
        as("adam").post().uri("/api/ambassadors").bodyValue(lou).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("maxActive");

        assertThat(ambassadors.findAll().filter(a -> a.firstName().equals("Lou") && a.lastInitial().equals("Q"))
                .collectList().block()).isEmpty();
    }
}
