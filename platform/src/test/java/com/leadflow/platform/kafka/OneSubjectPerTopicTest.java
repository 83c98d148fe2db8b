package com.leadflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.SampleEvents;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import com.leadflow.test.ApicurioRegistryServer;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.ArrayList;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a tool that knows nothing of leadflow sees in the registry: one subject per topic's values,
 * each holding the whole schema, so a record read with its schema id decodes with Avro's own
 * decoder given the schema text the Confluent-compatible API returns for that id, and nothing else
 * (no subject per nested type, no references to resolve first).
 */
@LeadflowIntegrationTest
class OneSubjectPerTopicTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Outbox outbox;
    @Autowired TransactionalOperator tx;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void aRecordOfEachTopicDecodesWithNothingButTheSchemaTextItsIdNames() throws Exception {
        var submitted = SampleEvents.leadSubmitted();
        GenericRecord lead = publishedAndDecoded(Topics.LEADS_SUBMITTED, submitted);
        assertThat(lead.get("leadId")).hasToString(submitted.getLeadId());
        assertThat(field(lead, "clinical", "condition")).hasToString("SPINAL_STENOSIS");
        assertThat(field(lead, "insurance", "payerName")).hasToString("Acme Health");
        GenericRecord series = (GenericRecord) ((List<?>) ((GenericRecord) ((List<?>) lead.get("imaging")).get(0))
                .get("series")).get(0);
        assertThat(series.get("description")).hasToString("SAG T2");

        GenericRecord status = publishedAndDecoded(Topics.LEADS_STATUS, SampleEvents.leadStatusChanged());
        assertThat(status.get("status")).hasToString("REVIEW_COMPLETED");
        assertThat(field(status, "review", "recommendedProcedure")).hasToString("MICRODISCECTOMY");
        assertThat(field(status, "insurance", "network")).hasToString("IN_NETWORK");
        assertThat(field(status, "match", "ambassadorDisplayName")).hasToString("Larry L.");

        GenericRecord imaging = publishedAndDecoded(Topics.LEADS_IMAGING, SampleEvents.imagingAttached());
        assertThat(field(imaging, "imaging", "studyDescription")).hasToString("MRI LUMBAR SPINE");

        GenericRecord check = publishedAndDecoded(Topics.INSURANCE_CHECKS, SampleEvents.eligibilityCheckDue());
        assertThat(check.get("attempt")).isEqualTo(2);

        // and the registry holds a subject per topic's values and none per nested type
        List<String> subjects = new ArrayList<>();
        get("/subjects").forEach(subject -> subjects.add(subject.asString()));
        assertThat(subjects)
                .contains("leads.submitted-value", "leads.status-value", "leads.imaging-value", "insurance.checks-value")
                .allSatisfy(subject -> assertThat(subject).endsWith("-value"))
                .noneMatch(subject -> subject.startsWith("com.leadflow"));
    }

    @Test
    void theTopicsSubjectStillRefusesAChangeOlderReadersCannotFollow() throws Exception {
        publishedAndDecoded(Topics.LEADS_IMAGING, SampleEvents.imagingAttached());
        String subject = "leads.imaging-value";
        put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        String latest = get("/subjects/" + subject + "/versions/latest").get("schema").asString();
        Schema schema = new Schema.Parser().parse(latest);

        // a new required field without a default: records written before cannot be read with it
        String breaking = latest.replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"addedWithoutDefault\",\"type\":\"string\"},");
        assertThat(compatible(subject, breaking)).as("a required field without default").isFalse();
        // the same schema is, of course, compatible with itself
        assertThat(compatible(subject, schema.toString())).isTrue();
    }

    private <V extends org.apache.avro.specific.SpecificRecord> GenericRecord publishedAndDecoded(Topic<String, V> topic, V value) throws Exception {
        String key = "key-" + UUID.randomUUID();
        try (var raw = TopicProbe.raw(brokers, topic.name())) {
            tx.transactional(outbox.record(topic, key, value)).block();
            ConsumerRecord<String, byte[]> wire = raw.await(r -> key.equals(r.key()), WAIT);
            ByteBuffer bytes = ByteBuffer.wrap(wire.value());
            assertThat(bytes.get()).as("Confluent framing's magic byte").isZero();
            int schemaId = bytes.getInt();

            JsonNode answer = get("/schemas/ids/" + schemaId);
            assertThat(answer.path("references").isEmpty()).as("references of " + topic.name() + "'s schema").isTrue();
            // a parser that knows no other type: a reference left in the text would be an undefined name
            Schema schema = new Schema.Parser().parse(answer.get("schema").asString());
            return new GenericDatumReader<GenericRecord>(schema).read(null,
                    DecoderFactory.get().binaryDecoder(wire.value(), bytes.position(), bytes.remaining(), null));
        }
    }

    private static Object field(GenericRecord record, String nested, String name) {
        return ((GenericRecord) record.get(nested)).get(name);
    }

    private static boolean compatible(String subject, String schema) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("schema", schema));
        return post("/compatibility/subjects/" + subject + "/versions/latest", body).get("is_compatible").asBoolean();
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(ApicurioRegistryServer.get().ccompatUrl() + path)).GET(), path);
    }

    private static JsonNode put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(ApicurioRegistryServer.get().ccompatUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private static JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(ApicurioRegistryServer.get().ccompatUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private static JsonNode send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
