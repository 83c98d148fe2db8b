package com.leadflow.platform.kafka;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/**
 * Apicurio's datum provider with the reader looked up by the writer schema's identity. Apicurio's own
 * (3.1.7) computes the schema's parsing fingerprint for every record it reads to find its cached reader:
 * the schema rewritten as canonical text and hashed, a fifth of outreach's CPU on {@code leads.submitted}.
 * The deserializer hands over the schema its resolver cached for the record's schema id, the same
 * instance every time, so that instance is the key; a schema got anew (the resolver's cache refreshed)
 * gets its reader once more. Readers are the provider's own, as before (one provider per deserializer).
 */
public class CachedReaderDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    /** More writer schemas than a consumer of a few topics ever meets: past it, start over. */
    private static final int MAX_SCHEMAS = 64;

    /** Replaced, never changed, so reads need no lock; a miss copies it (a few times per process). */
    private volatile Map<Schema, DatumReader<T>> readers = new IdentityHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        DatumReader<T> reader = readers.get(schema);
        if (reader == null) {
            reader = newReader(schema);
            remember(schema, reader);
        }
        return reader;
    }

    /** A reader for a writer schema not met before (Apicurio's, fingerprint and all). */
    protected DatumReader<T> newReader(Schema schema) {
        return super.createDatumReader(schema);
    }

    private synchronized void remember(Schema schema, DatumReader<T> reader) {
        Map<Schema, DatumReader<T>> next = readers.size() >= MAX_SCHEMAS ? new IdentityHashMap<>()
                : new IdentityHashMap<>(readers);
        next.put(schema, reader);
        readers = next;
    }
}
