package com.leadflow.intake.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The inbox as an API: search by each field, orders, keyset pages, owners, and who may look. Each
 * test gives its leads a last name of its own and searches for it, so leads of other tests never
 * get in the way.
 */
@IntakeIntegrationTest
class CareInboxApiTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    static String family() {
        // names are letters only: a random family name per test
        StringBuilder name = new StringBuilder("Fam");
        UUID.randomUUID().toString().replace("-", "").chars().limit(10).forEach(c -> name.append((char) ('a' + c % 26)));
        return name.toString();
    }

    String submit(String first, String last, Object... more) {
        LeadJson lead = LeadJson.valid().with("contact.firstName", first).with("contact.lastName", last);
        for (int i = 0; i < more.length; i += 2) {
            lead.with((String) more[i], more[i + 1]);
        }
        return Submissions.submit(http, lead).get("leadId");
    }

    @Test
    void aCareManagerFindsALeadByNamePhoneEmailOrLeadId() {
        String last = family();
        String leadId = submit("Zoë", last, "contact.email", "Zoe." + last + "@Example.org", "contact.phone", "+1 (628) 555-0199");
        CareApi care = new CareApi(http);

        assertThat(care.ids("?q=" + last.substring(0, 8).toUpperCase())).containsExactly(leadId);
        assertThat(care.ids("?q=zoe " + last.substring(0, 6))).containsExactly(leadId);
        assertThat(care.ids("?q=" + "zoe." + last.toLowerCase() + "@example.org")).containsExactly(leadId);
        assertThat(care.ids("?q=628-555-0199")).contains(leadId);
        assertThat(care.ids("?q=(628) 555 0199")).contains(leadId);
        assertThat(care.ids("?q=" + leadId)).containsExactly(leadId);
        assertThat(care.ids("?q=" + last + "x")).isEmpty();
        // hostile text is only ever a value
        assertThat(care.ids("?q=' or 1=1 --")).isEmpty();
    }

    @Test
    void pagesNeitherRepeatNorSkipALeadWhileNewLeadsArrive() {
        String last = family();
        List<String> first = IntStream.range(0, 7).mapToObj(i -> submit("Page", last)).toList();
        CareApi care = new CareApi(http);
        List<String> earlierRounds = new ArrayList<>();
        for (String sort : List.of("newest", "oldest", "attention", "name")) {
            List<Object> seen = new ArrayList<>();
            Map<String, Object> page = care.page("?q=" + last + "&size=3&sort=" + sort);
            List<String> arrivedMeanwhile = new ArrayList<>();
            while (true) {
                seen.addAll(ids(page));
                // others submit while the care manager pages
                List<CompletableFuture<String>> racing = IntStream.range(0, 2)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> submit("Late", last))).toList();
                racing.forEach(future -> arrivedMeanwhile.add(future.join()));
                if (page.get("next") == null) {
                    break;
                }
                page = care.page("?q=" + last + "&size=3&sort=" + sort + "&after=" + page.get("next"));
            }
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsAll(first);
            List<Object> known = new ArrayList<>(first);
            known.addAll(arrivedMeanwhile);
            known.addAll(earlierRounds);
            assertThat(new HashSet<>(seen)).as(sort).isSubsetOf(known);
            earlierRounds.addAll(arrivedMeanwhile);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("leads")).stream().map(lead -> lead.get("id")).toList();
    }

    @Test
    void theInboxSortsByNameBySubmissionAndPutsOverdueLeadsFirst() {
        String last = family();
        String anna = submit("Anna", last);
        String cleo = submit("Cleo", last);
        String bert = submit("Bert", last);
        CareApi care = new CareApi(http);
        care.attempt(anna, "PHONE", "REACHED").expectStatus().isCreated();

        assertThat(care.ids("?q=" + last + "&sort=name")).containsExactly(anna, bert, cleo);
        assertThat(care.ids("?q=" + last + "&sort=name-desc")).containsExactly(cleo, bert, anna);
        assertThat(care.ids("?q=" + last + "&sort=newest")).containsExactly(bert, cleo, anna);
        assertThat(care.ids("?q=" + last + "&sort=oldest")).containsExactly(anna, cleo, bert);
        // by default: the leads still waiting, longest wait first, then the reached ones
        assertThat(care.ids("?q=" + last)).containsExactly(cleo, bert, anna);
        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(care.ids("?q=" + last + "&overdue=true")).containsExactly(cleo, bert));
    }

    @Test
    void filtersByServiceStageOwnerDuplicateAndDate() {
        String last = family();
        String kit = submit("Kit", last, "requestedServices", List.of("INFO_KIT"));
        String review = submit("Rev", last, "contact.email", "rev." + last + "@example.org");
        String again = submit("Rev", last, "contact.email", "rev." + last + "@example.org");
        CareApi care = new CareApi(http);
        care.send("PUT", "/api/care/leads/" + review + "/owner", Map.of("owner", "me")).expectStatus().isOk();
        care.send("PUT", "/api/care/leads/" + kit + "/owner", Map.of("owner", "drew")).expectStatus().isOk();

        assertThat(care.ids("?q=" + last + "&service=INFO_KIT")).containsExactly(kit);
        assertThat(care.ids("?q=" + last + "&service=MRI_CT_REVIEW&sort=oldest")).containsExactly(review, again);
        assertThat(care.ids("?q=" + last + "&owner=me")).containsExactly(review);
        assertThat(care.ids("?q=" + last + "&owner=drew")).containsExactly(kit);
        assertThat(care.ids("?q=" + last + "&owner=none")).containsExactly(again);
        assertThat(care.ids("?q=" + last + "&duplicate=true")).containsExactly(again);
        assertThat(care.ids("?q=" + last + "&stage=INTAKE&status=LEAD_SUBMITTED")).hasSize(3);
        assertThat(care.ids("?q=" + last + "&stage=REVIEW")).isEmpty();
        assertThat(care.ids("?q=" + last + "&to=2020-01-01")).isEmpty();
        assertThat(care.ids("?q=" + last + "&from=2020-01-01")).hasSize(3);
        assertThat(care.row(review, "?q=" + last).get("owner")).isEqualTo("carla");

        care.send("PUT", "/api/care/leads/" + review + "/owner", java.util.Collections.singletonMap("owner", null))
                .expectStatus().isOk();
        assertThat(care.ids("?q=" + last + "&owner=me")).isEmpty();
        care.send("PUT", "/api/care/leads/" + review + "/owner", Map.of("owner", "<script>")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("owner");
        care.send("PUT", "/api/care/leads/" + UUID.randomUUID() + "/owner", Map.of("owner", "me")).expectStatus().isNotFound();
    }

    @Test
    void aNoteIsKeptWithItsAuthorAndABadNoteIsRefusedNamingTheField() {
        String leadId = submit("Nora", family());
        CareApi care = new CareApi(http);
        care.send("POST", "/api/care/leads/" + leadId + "/notes", Map.of("text", "Prefers calls after 4 pm; daughter helps"))
                .expectStatus().isCreated();
        care.send("POST", "/api/care/leads/" + leadId + "/notes", Map.of("text", "   ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text").jsonPath("$.errors[0].rule").isEqualTo("required");
        care.send("POST", "/api/care/leads/" + leadId + "/notes", Map.of("text", "x".repeat(2001))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("too-long");
        care.send("POST", "/api/care/leads/" + UUID.randomUUID() + "/notes", Map.of("text", "hello")).expectStatus().isNotFound();

        http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectBody()
                .jsonPath("$.notes[0].text").isEqualTo("Prefers calls after 4 pm; daughter helps")
                .jsonPath("$.notes[0].author").isEqualTo("carla")
                .jsonPath("$.notes.length()").isEqualTo(1)
                // a note is PHI: never in the PHI-free timeline
                .jsonPath("$.timeline[*].summary").value(summaries -> assertThat(summaries.toString()).doesNotContain("daughter"));
    }

    @Test
    void someoneWithoutTheCareManagerRoleGets403Everywhere() {
        String leadId = submit("Ola", family());
        for (String user : List.of("drlee", "olive", "adam")) {
            for (String path : List.of("/api/care/leads", "/api/care/leads?q=Ola", "/api/care/labels", "/api/care/owners",
                    "/api/leads/" + leadId)) {
                http.get().uri(path).headers(h -> h.setBasicAuth(user, user + "-demo")).exchange()
                        .expectStatus().isForbidden();
            }
            http.put().uri("/api/care/leads/{id}/owner", leadId).headers(h -> h.setBasicAuth(user, user + "-demo"))
                    .bodyValue(Map.of("owner", "me")).exchange().expectStatus().isForbidden();
            http.post().uri("/api/care/leads/{id}/notes", leadId).headers(h -> h.setBasicAuth(user, user + "-demo"))
                    .bodyValue(Map.of("text", "x")).exchange().expectStatus().isForbidden();
        }
        assertThat(new CareApi(http).row(leadId, "?q=" + leadId).get("owner")).isNull();
    }

    @Test
    void everyReadOfALeadsDetailWritesAnAuditRow() {
        String leadId = submit("Audra", family());
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                    .expectStatus().isOk();
        }
        new CareApi(http).send("POST", "/api/care/leads/" + leadId + "/notes", Map.of("text", "called back")).expectStatus().isCreated();
        assertThat(count(leadId, "VIEW")).isEqualTo(3);
        assertThat(count(leadId, "UPDATE")).isEqualTo(1);
        new CareApi(http).leads("?q=" + leadId);
        assertThat(count(leadId, "LIST")).isEqualTo(1);
    }

    private long count(String leadId, String action) {
        return db.sql("select count(*) as n from audit_event where subject_id = :id and actor = 'carla' and action = :action")
                .bind("id", leadId).bind("action", action).map((row, meta) -> row.get("n", Long.class)).one().block();
    }
}
