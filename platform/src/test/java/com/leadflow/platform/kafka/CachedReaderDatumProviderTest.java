package com.leadflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.EligibilityCheckDue;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.test.ApicurioRegistryServer;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Against the real registry: Apicurio's deserializer, given the platform's provider, reads every record
 * back as it was written while making a reader once per writer schema, not per record. That holds only
 * if the deserializer hands the provider the same schema instance for every record of a schema id.
 */
class CachedReaderDatumProviderTest {

    /** Counts the readers made, across instances: the deserializer makes its provider from the class name. */
    public static class Counting<T> extends CachedReaderDatumProvider<T> {
        static final AtomicInteger MADE = new AtomicInteger();

        @Override
        protected DatumReader<T> newReader(Schema schema) {
            MADE.incrementAndGet();
            return super.newReader(schema);
        }
    }

    private final String topic = "test.cached-reader-" + UUID.randomUUID();
    private final String registry = ApicurioRegistryServer.get().registryUrl();

    @Test
    void aHundredRecordsOfTwoTypesReadBackUnchangedWithOneReaderPerSchema() {
        // as the platform's producers register: the whole schema under the topic's subject (the registry is shared
        // by the module's tests, and one of them checks that no subject per nested type exists)
        Map<String, Object> writing = Map.of(SerdeConfig.REGISTRY_URL, registry, SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
                SchemaResolverConfig.DEREFERENCE_SCHEMA, true);
        Map<String, Object> reading = Map.of(SerdeConfig.REGISTRY_URL, registry,
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true, AvroSerdeConfig.AVRO_DATUM_PROVIDER, Counting.class.getName());
        Counting.MADE.set(0);
        try (var writer = new RegisteredSchemaSerializer(); var reader = new AvroKafkaDeserializer<Object>()) {
            writer.configure(writing, false);
            reader.configure(reading, false);
            List<SpecificRecord> written = new ArrayList<>();
            List<byte[]> records = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                for (SpecificRecord event : List.of(status("report " + i), due(i))) {
                    written.add(event);
                    records.add(writer.serialize(topic, event));
                }
            }

            List<Object> read = records.stream().map(bytes -> reader.deserialize(topic, bytes)).toList();

            assertThat(read).as("every record as it was written").containsExactlyElementsOf(written);
            assertThat(Counting.MADE).as("readers made for two writer schemas").hasValue(2);
        }
    }

    private static LeadStatusChanged status(String summary) {
        return LeadStatusChanged.newBuilder().setLeadId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReporter(Reporter.REVIEW)
                .setStage(Stage.REVIEW).setStatus(LeadStatus.REVIEW_QUEUED).setSummary(summary).build();
    }

    private static EligibilityCheckDue due(int attempt) {
        return EligibilityCheckDue.newBuilder().setCheckId(UUID.randomUUID().toString()).setAttempt(attempt + 1).build();
    }
}
