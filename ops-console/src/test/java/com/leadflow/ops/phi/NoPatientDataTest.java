package com.leadflow.ops.phi;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.overview.OpsSampler;
import com.leadflow.ops.support.ConsoleApi;
import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.ops.support.TestLeads;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A lead with known personal values is submitted, and dead-lettered with a library's exception
 * message quoting one of them; ops then use every part of the console on it (overview, inbox,
 * dead letter, trace, dry run, replay, audit, metrics, a refused request). None of the values,
 * nor the value's bytes, appears in any answer or in the log.
 */
@OpsConsoleIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoPatientDataTest {

    private static final List<String> PERSONAL = List.of(TestLeads.FIRST_NAME, TestLeads.LAST_NAME, TestLeads.EMAIL,
            TestLeads.PHONE, TestLeads.DATE_OF_BIRTH.toString(), TestLeads.MEMBER_ID, TestLeads.CLINICAL_NOTE,
            // the E.164 number without its plus, the note's distinctive words
            TestLeads.PHONE.substring(1), "Numbness");

    @Autowired
    WebTestClient http;
    @Autowired
    OpsSampler sampler;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void noConsoleAnswerOrLogLineCarriesThePatientsDataOrTheValuesBytes(CapturedOutput log) throws Exception {
        var api = new ConsoleApi(http, sampler);
        String leadId = TestLeads.newLeadId();
        kafka.send(TestLeads.record(Topics.LEADS_SUBMITTED, leadId, TestLeads.submitted(leadId))).get();
        // a dead letter as the platform writes one, plus an exception message quoting the data (as a library might)
        ProducerRecord<String, Object> dead = TestLeads.record(Topics.LEADS_SUBMITTED, leadId, TestLeads.submitted(leadId));
        dead = new ProducerRecord<>(Topics.LEADS_SUBMITTED.deadLetterTopic(), null, leadId, dead.value(), dead.headers());
        EventHeaders.write(dead.headers(), "kafka_dlt-original-topic", Topics.LEADS_SUBMITTED.name());
        EventHeaders.write(dead.headers(), "kafka_dlt-original-consumer-group", "review-service");
        EventHeaders.write(dead.headers(), EventHeaders.DLT_REASON, "Rejected: the date of birth is in the future");
        EventHeaders.write(dead.headers(), "kafka_dlt-exception-message", "Cannot parse " + TestLeads.LAST_NAME
                + " born " + TestLeads.DATE_OF_BIRTH);
        var sent = kafka.send(dead).get().getRecordMetadata();

        List<byte[]> valueBytes = new ArrayList<>();
        try (var probe = TopicProbe.raw(brokers, Topics.LEADS_SUBMITTED.deadLetterTopic())) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> leadId.equals(r.key()), Duration.ofSeconds(30));
            valueBytes.add(record.value());
        }
        api.awaitState(state -> state.deadLetters().byTopic().containsKey(Topics.LEADS_SUBMITTED.deadLetterTopic()),
                Duration.ofSeconds(30));

        List<String> answers = new ArrayList<>();
        answers.add(api.getText("/"));
        answers.add(api.getText("/assets/console.js"));
        answers.add(api.getText("/api/overview"));
        answers.add(api.getText("/api/dead-letters?limit=500"));
        String one = api.getText("/api/dead-letters/" + sent.topic() + "/" + sent.partition() + "/" + sent.offset());
        assertThat(one).contains(leadId).contains("Rejected: the date of birth is in the future")
                .doesNotContain("kafka_dlt-exception-message");
        answers.add(one);
        answers.add(api.getText("/api/trace?leadId=" + leadId));
        var named = Map.of("deadLetters", List.of(Map.of("topic", sent.topic(), "partition", sent.partition(),
                "offset", sent.offset())));
        Map<String, Object> plan = api.postJson("/api/replays/dry-run", named, 200);
        answers.add(plan.toString());
        answers.add(api.postJson("/api/replays", Map.of("planId", plan.get("planId"), "reason", "PHI check"), 201).toString());
        answers.add(api.getText("/api/replays"));
        answers.add(api.getText("/actuator/prometheus"));
        // refused requests do not echo what they were given
        answers.add(api.get("/api/trace?leadId=" + TestLeads.FIRST_NAME + "%20" + TestLeads.LAST_NAME).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody());
        answers.add(api.post("/api/replays/dry-run", Map.of("originalTopic", "leads.submitted", "reason", TestLeads.EMAIL))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody());

        for (String answer : answers) {
            for (String personal : PERSONAL) {
                assertThat(answer).doesNotContainIgnoringCase(personal);
            }
            for (byte[] value : valueBytes) {
                assertThat(answer).doesNotContain(Base64.getEncoder().encodeToString(value))
                        .doesNotContain(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(value, 5, 29)))
                        .doesNotContain(new String(value, 5, 24, StandardCharsets.ISO_8859_1));
            }
        }
        for (String personal : PERSONAL) {
            assertThat(log.getAll()).doesNotContainIgnoringCase(personal);
        }
    }
}
