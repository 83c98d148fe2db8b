package com.leadflow.matching;

import com.leadflow.events.Condition;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.AmbassadorForm;
import com.leadflow.matching.ambassador.AmbassadorRegistry;
import com.leadflow.matching.ambassador.AmbassadorRepository;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.seeker.SeekerRepository;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What matching's integration scenarios share: one Spring context (so one broker, registry and
 * PostgreSQL schema for all of them), an empty registry before each scenario, a probe on
 * {@code leads.status}, and the small steps scenarios are written in.
 */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
abstract class MatchingScenario {

    static final Duration WAIT = Duration.ofSeconds(30);
    static TopicProbe<LeadStatusChanged> status;

    @Autowired WebTestClient http;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired AmbassadorRegistry registry;
    @Autowired AmbassadorRepository ambassadors;
    @Autowired MatchRepository matches;
    @Autowired SeekerRepository seekers;
    @Autowired DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @BeforeEach
    void emptyRegistry() {
        // each scenario brings its own ambassadors; leads are told apart by their fresh ids. A sweep
        // still finishing the previous scenario may insert meanwhile, so clearing is tried until clean.
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
            db.sql("delete from lead_match").then().then(db.sql("delete from seeker").then())
                    .then(db.sql("delete from ambassador").then()).block();
            return true;
        });
        if (status == null) {
            status = TopicProbe.of(brokers, Topics.LEADS_STATUS);
        }
    }

    @AfterAll
    static void closeProbe() {
        if (status != null) {
            status.close();
            status = null;
        }
    }

    UUID ambassador(String first, String initial, Condition condition, Procedure procedure, int maxActive,
            String... languages) {
        return registry.add(form(first, initial, condition, procedure, maxActive, languages)).block().id();
    }

    static AmbassadorForm form(String first, String initial, Condition condition, Procedure procedure, int maxActive,
            String... languages) {
        return new AmbassadorForm(first, initial, condition.name(), procedure.name(), 2021, "AGE_60_69", "MALE",
                languages.length == 0 ? List.of("en") : List.of(languages), "TX", "America/Chicago", "PHONE",
                maxActive, "2022-01-10", "Signed consent form on file");
    }

    String submit(Condition condition, Procedure procedure, boolean askedToConnect, boolean consent, String language) {
        String lead = UUID.randomUUID().toString();
        try {
            kafka.send(LeadEvents.record(Topics.LEADS_SUBMITTED, lead,
                    LeadEvents.lead(lead, condition, procedure, askedToConnect, consent, language),
                    UUID.randomUUID().toString())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return lead;
    }

    LeadStatusChanged awaitStatus(String lead, LeadStatus wanted) {
        return awaitStatuses(lead, wanted, 1).get(0);
    }

    List<LeadStatusChanged> awaitStatuses(String lead, LeadStatus wanted, int count) {
        return status.awaitCount(r -> lead.equals(r.key()) && r.value().getStatus() == wanted, count, WAIT)
                .stream().map(r -> r.value()).toList();
    }

    List<LeadStatusChanged> statuses(String lead, LeadStatus wanted) {
        return status.records().stream().filter(r -> lead.equals(r.key()) && r.value().getStatus() == wanted)
                .map(r -> r.value()).toList();
    }

    List<Match> matchesOf(String lead) {
        return matches.findByLead(lead).collectList().block();
    }

    WebTestClient as(String user) {
        return http.mutate().defaultHeaders(h -> h.setBasicAuth(user, user + "-demo")).build();
    }

    static Map<String, Object> json(AmbassadorForm form) {
        return new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("firstName", form.firstName()), Map.entry("lastInitial", form.lastInitial()),
                Map.entry("condition", form.condition()), Map.entry("procedure", form.procedure()),
                Map.entry("procedureYear", form.procedureYear()), Map.entry("ageBand", form.ageBand()),
                Map.entry("gender", form.gender()), Map.entry("languages", form.languages()),
                Map.entry("state", form.state()), Map.entry("timeZone", form.timeZone()),
                Map.entry("contactMode", form.contactMode()), Map.entry("maxActive", form.maxActive()),
                Map.entry("consentDate", form.consentDate()), Map.entry("consentEvidence", form.consentEvidence())));
    }
    boolean processed(String consumer, String eventId) {
        return db.sql("select count(*) as n from processed_event where consumer = :c and event_id = :e")
                .bind("c", consumer).bind("e", eventId)
                .map(row -> row.get("n", Long.class)).one().block() == 1L;
    }

}
