package com.leadflow.schemas;

import java.util.Objects;

/**
 * One Kafka topic with the types of its keys and values, so a topic cannot be produced to or
 * consumed from with the wrong types.
 *
 * @param name the topic's name on the broker
 * @param keyType the type of every record key (a lead id on every lead topic)
 * @param valueType the Avro-generated type of every record value
 * @param writer the only service allowed to write the topic
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, String writer) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(writer, "writer");
    }

    /** Where a record that can never be processed ends, with the reason in its headers. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }

    /** The registry subject of this topic's values (Confluent's topic-name strategy). */
    public String valueSubject() {
        return name + "-value";
    }

    @Override
    public String toString() {
        return name;
    }
}
