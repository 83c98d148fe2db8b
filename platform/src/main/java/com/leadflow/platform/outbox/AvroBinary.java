package com.leadflow.platform.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain Avro binary for outbox rows. The registry is not involved when a row is written, so a
 * registry outage never blocks a business transaction; the relay serializes again, with the
 * registry, when it publishes.
 */
final class AvroBinary {

    private AvroBinary() {
    }

    static byte[] encode(SpecificRecord record) {
        var out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + record.getSchema().getFullName(), e);
        }
        return out.toByteArray();
    }

    static SpecificRecord decode(String valueType, byte[] payload) {
        try {
            Class<?> type = Class.forName(valueType, true, AvroBinary.class.getClassLoader());
            var reader = new SpecificDatumReader<SpecificRecord>(SpecificData.get().getSchema(type));
            return reader.read(null, DecoderFactory.get().binaryDecoder(payload, null));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unknown outbox value type " + valueType, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode an outbox row of type " + valueType, e);
        }
    }
}
