package com.leadflow.ops.kafka;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the console may know about a record's value: its size and the schema id of its Confluent
 * framing (byte 0, then a 4-byte id). The value itself carries patient data, so it is never
 * decoded, kept or served; this deserializer reads five bytes and lets go of the rest.
 *
 * @param size the value's length in bytes (0 for a tombstone)
 * @param schemaId the registry's schema id, or null when the value is not in Confluent framing
 */
public record ValueFacts(int size, Integer schemaId) {

    static ValueFacts of(byte[] data) {
        if (data == null) {
            return new ValueFacts(0, null);
        }
        Integer schemaId = data.length >= 5 && data[0] == 0
                ? ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff)
                : null;
        return new ValueFacts(data.length, schemaId);
    }

    /** The deserializer the console's own consumers read values with. */
    public static final class Reader implements Deserializer<ValueFacts> {

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public ValueFacts deserialize(String topic, byte[] data) {
            return of(data);
        }

        @Override
        public ValueFacts deserialize(String topic, Headers headers, byte[] data) {
            return of(data);
        }
    }
}
