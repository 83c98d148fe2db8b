package com.leadflow.platform.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Apicurio's Avro serializer, asked once per topic and event type instead of once per record.
 * Apicurio's serdes 3.1.7 turn the schema into text again for every record (to find it in their
 * cache) and, every check period, refresh it with a blocking registry call on the sending thread.
 * A schema id never changes once registered, and an event class's schema never changes within a
 * process: so the first record of a type on a topic goes through Apicurio (which registers or
 * looks the schema up), and the id it wrote is reused for the later ones, which are plain Avro
 * binary behind the same five bytes of Confluent framing (byte 0, the 4-byte id).
 *
 * <p>The shortcut is taken only when Apicurio's own output is exactly that: Confluent framing,
 * no headers of its own, and the same Avro body this class writes. Anything else (another id
 * handler, headers, a generic record) goes through Apicurio every time.
 *
 * <p>An {@link EncodedEvent} (the outbox relay's: a row's Avro binary, written with the same class's
 * schema) is framed as it is once its type is known on the topic, never decoded and encoded again;
 * the first one of a type is decoded and goes through Apicurio like any record.
 */
public class RegisteredSchemaSerializer implements Serializer<Object> {

    private static final int FRAMING = 5;

    private final AvroKafkaSerializer<Object> apicurio = new AvroKafkaSerializer<>();
    private final Map<Key, Framed> known = new ConcurrentHashMap<>();

    private record Key(String topic, String type) {
    }

    /** The framing Apicurio wrote for one topic and type, and a writer for their bodies. */
    private record Framed(byte[] prefix, SpecificDatumWriter<SpecificRecord> writer) {

        byte[] frame(byte[] avroBinary) {
            byte[] framed = Arrays.copyOf(prefix, prefix.length + avroBinary.length);
            System.arraycopy(avroBinary, 0, framed, prefix.length, avroBinary.length);
            return framed;
        }

        byte[] write(SpecificRecord record) {
            var out = new ByteArrayOutputStream(512);
            out.writeBytes(prefix);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            try {
                writer.write(record, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not encode " + record.getSchema().getFullName(), e);
            }
            return out.toByteArray();
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        apicurio.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        if (data instanceof EncodedEvent encoded) {
            Framed framed = known.get(new Key(topic, encoded.valueType()));
            return framed != null ? framed.frame(encoded.avroBinary()) : serialize(topic, headers, encoded.decode());
        }
        if (!(data instanceof SpecificRecord record)) {
            return apicurio.serialize(topic, headers, data);
        }
        Key key = new Key(topic, data.getClass().getName());
        Framed framed = known.get(key);
        if (framed != null) {
            return framed.write(record);
        }
        int headersBefore = count(headers);
        byte[] bytes = apicurio.serialize(topic, headers, data);
        learn(key, record, bytes, count(headers) == headersBefore);
        return bytes;
    }

    private void learn(Key key, SpecificRecord record, byte[] bytes, boolean noHeadersAdded) {
        if (!noHeadersAdded || bytes == null || bytes.length < FRAMING || bytes[0] != 0) {
            return;
        }
        var candidate = new Framed(Arrays.copyOf(bytes, FRAMING), new SpecificDatumWriter<>(record.getSchema()));
        if (Arrays.equals(candidate.write(record), bytes)) {
            known.putIfAbsent(key, candidate);
        }
    }

    private static int count(Headers headers) {
        if (headers == null) {
            return 0;
        }
        int count = 0;
        for (Header ignored : headers) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        apicurio.close();
    }
}
