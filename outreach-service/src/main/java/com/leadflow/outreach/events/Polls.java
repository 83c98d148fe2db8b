package com.leadflow.outreach.events;

import com.leadflow.platform.kafka.EventRejectedException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * How outreach's listeners take a poll, as intake's timeline does: the records up to the first one
 * that can never apply (unreadable, no value, or rejected by {@code check}) are applied together;
 * that one then goes to the dead-letter topic and the rest are delivered again.
 */
final class Polls {

    private static final LogAccessor LOG = new LogAccessor(Polls.class);

    private Polls() {
    }

    /** The first record that can never apply, with why; {@code records.size()} and null when all can. */
    record Split(int usable, RuntimeException rejection) {

        void rethrow() {
            if (rejection != null) {
                throw new BatchListenerFailedException("Record " + usable + " of the batch cannot be applied",
                        rejection, usable);
            }
        }
    }

    static <V> Split split(List<ConsumerRecord<String, V>> records, Consumer<V> check) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, V> record = records.get(i);
            RuntimeException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (unreadable == null && record.value() == null) {
                unreadable = new EventRejectedException("the record has no value");
            }
            if (unreadable == null) {
                try {
                    check.accept(record.value());
                } catch (EventRejectedException rejected) {
                    unreadable = rejected;
                }
            }
            if (unreadable != null) {
                return new Split(i, unreadable);
            }
        }
        return new Split(records.size(), null);
    }
}
