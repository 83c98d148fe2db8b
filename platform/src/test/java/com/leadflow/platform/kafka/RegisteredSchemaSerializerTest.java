package com.leadflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.EligibilityCheckDue;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.test.ApicurioRegistryServer;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the real registry: what the shortcut writes is what Apicurio's serializer writes, and reads back the same. */
class RegisteredSchemaSerializerTest {

    private final String topic = "test.registered-schema-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(SerdeConfig.REGISTRY_URL, ApicurioRegistryServer.get().registryUrl(),
            SerdeConfig.AUTO_REGISTER_ARTIFACT, true, AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);

    @Test
    void laterEventsOfATypeCarryTheIdTheRegistryGaveTheFirstAndReadBackUnchanged() {
        try (var shortcut = new RegisteredSchemaSerializer(); var apicurio = new AvroKafkaSerializer<Object>();
                var reader = new AvroKafkaDeserializer<Object>()) {
            shortcut.configure(config, false);
            apicurio.configure(config, false);
            reader.configure(config, false);

            byte[] first = shortcut.serialize(topic, status("first", LeadStatus.REVIEW_QUEUED));
            LeadStatusChanged later = status("a later one, with a longer summary", LeadStatus.REVIEW_COMPLETED);
            byte[] second = shortcut.serialize(topic, later);

            assertThat(second).as("the same bytes as Apicurio's serializer").isEqualTo(apicurio.serialize(topic, later));
            assertThat(java.util.Arrays.copyOf(second, 5)).as("the first one's framing and schema id")
                    .isEqualTo(java.util.Arrays.copyOf(first, 5));
            assertThat(reader.deserialize(topic, second)).isEqualTo(later);
        }
    }

    @Test
    void anEncodedEventIsFramedWithoutBeingEncodedAgainAndEachTypeOnATopicKeepsItsOwnSchemaId() {
        try (var shortcut = new RegisteredSchemaSerializer(); var apicurio = new AvroKafkaSerializer<Object>();
                var reader = new AvroKafkaDeserializer<Object>()) {
            shortcut.configure(config, false);
            apicurio.configure(config, false);
            reader.configure(config, false);
            LeadStatusChanged first = status("first", LeadStatus.REVIEW_QUEUED);
            LeadStatusChanged later = status("a later one", LeadStatus.REVIEW_COMPLETED);
            EligibilityCheckDue due = EligibilityCheckDue.newBuilder().setCheckId(UUID.randomUUID().toString())
                    .setAttempt(2).build();

            // the first of each type goes through Apicurio (decoded), later ones are framed as they are
            byte[] firstBytes = shortcut.serialize(topic, EncodedEvent.of(first));
            byte[] dueBytes = shortcut.serialize(topic, EncodedEvent.of(due));
            byte[] laterBytes = shortcut.serialize(topic, EncodedEvent.of(later));
            byte[] dueAgain = shortcut.serialize(topic, EncodedEvent.of(due));

            assertThat(firstBytes).isEqualTo(apicurio.serialize(topic, first));
            assertThat(laterBytes).isEqualTo(apicurio.serialize(topic, later));
            assertThat(dueAgain).isEqualTo(dueBytes).isEqualTo(apicurio.serialize(topic, due));
            assertThat(java.util.Arrays.copyOf(dueBytes, 5)).as("another type, another schema id")
                    .isNotEqualTo(java.util.Arrays.copyOf(firstBytes, 5));
            assertThat(reader.deserialize(topic, laterBytes)).isEqualTo(later);
            assertThat(reader.deserialize(topic, dueAgain)).isEqualTo(due);
        }
    }

    private static LeadStatusChanged status(String summary, LeadStatus status) {
        return LeadStatusChanged.newBuilder().setLeadId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReporter(Reporter.REVIEW)
                .setStage(Stage.REVIEW).setStatus(status).setSummary(summary).build();
    }
}
