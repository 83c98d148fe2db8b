package com.leadflow.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.kafka.ValueFacts;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** What the console reads from a dead letter: allow-listed headers, Spring's binary numbers, the schema id. */
class DeadLetterHeadersTest {

    @Test
    void onlyAllowListedHeadersAreShownAndSpringsNumbersReadAsNumbers() {
        var headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", "leads.status".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(41L).array());
        headers.add("kafka_dlt-exception-message", "could not read Jane Doe".getBytes(StandardCharsets.UTF_8));
        headers.add("springDeserializerExceptionValue", new byte[] {1, 2, 3});
        headers.add("leadflow-replay-count", "2".getBytes(StandardCharsets.UTF_8));

        assertThat(DeadLetterHeaders.shown(headers))
                .containsEntry("kafka_dlt-original-topic", "leads.status")
                .containsEntry("kafka_dlt-original-partition", "2")
                .containsEntry("kafka_dlt-original-offset", "41")
                .containsEntry("leadflow-replay-count", "2")
                .doesNotContainKeys("kafka_dlt-exception-message", "springDeserializerExceptionValue");
        assertThat(DeadLetterHeaders.replayCount(headers)).isEqualTo(2);
    }

    @Test
    void theSchemaIdComesFromTheConfluentFramingAndTheRestOfTheValueIsDropped() {
        assertThat(new ValueFacts.Reader().deserialize("t", new byte[] {0, 0, 0, 0, 42, 9, 9, 9})).isEqualTo(new ValueFacts(8, 42));
        assertThat(new ValueFacts.Reader().deserialize("t", "not avro".getBytes(StandardCharsets.UTF_8))).isEqualTo(new ValueFacts(8, null));
        assertThat(new ValueFacts.Reader().deserialize("t", null)).isEqualTo(new ValueFacts(0, null));
    }
}
