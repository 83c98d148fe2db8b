package com.leadflow.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event as plain Avro binary (no framing, no registry), written with its class's own schema:
 * what the outbox stores, so a registry outage never blocks a business transaction, and what the
 * relay hands the producer, whose {@link RegisteredSchemaSerializer} puts the registry's framing in
 * front of it without decoding it again.
 *
 * @param valueType the event's class (its Avro full name)
 * @param avroBinary its Avro binary encoding
 */
public record EncodedEvent(String valueType, byte[] avroBinary) {

    /** Writers and readers per event class: building one resolves the schema, so they are built once. */
    private static final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();

    public static EncodedEvent of(SpecificRecord event) {
        var out = new java.io.ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            WRITERS.computeIfAbsent(event.getClass(), type -> new SpecificDatumWriter<>(event.getSchema()))
                    .write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + event.getSchema().getFullName(), e);
        }
        return new EncodedEvent(event.getClass().getName(), out.toByteArray());
    }

    /** The event itself. */
    public SpecificRecord decode() {
        try {
            Class<?> type = Class.forName(valueType, true, EncodedEvent.class.getClassLoader());
            var reader = new SpecificDatumReader<SpecificRecord>(SpecificData.get().getSchema(type));
            return reader.read(null, DecoderFactory.get().binaryDecoder(avroBinary, null));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unknown event type " + valueType, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode an event of type " + valueType, e);
        }
    }
}
