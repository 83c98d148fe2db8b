package com.leadflow.platform.consumer;

import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.db.SqlRows;
import com.leadflow.platform.kafka.EventHeaders;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies each event once. The event's id is recorded in the same transaction as the change the
 * event causes (and the events that change emits through the outbox): a redelivered event finds
 * its id already there and changes nothing; a failed one leaves no id behind and is retried.
 *
 * <p>A whole poll is claimed at once ({@link #applyEachOnce}): one JDBC transaction, and a statement
 * or two to claim its event ids, instead of a transaction per record. Services do not call this
 * themselves: they write a {@link PollHandler}, and {@link PollConsumer} claims for it.
 */
public class IdempotentConsumer {

    private static final String CLAIM_ONE =
            "insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing";

    /** PostgreSQL: a poll's ids claimed in one statement, which returns those not applied before. */
    private static final String CLAIM_MANY = "insert into processed_event (consumer, event_id) select ?, unnest(?)"
            + " on conflict do nothing returning event_id";

    private final ConsumerDatabase jdbc;

    public IdempotentConsumer(ConsumerDatabase jdbc) {
        this.jdbc = jdbc;
    }


    /**
     * Runs {@code work} once, in one JDBC transaction on this thread, for those of {@code records}
     * whose events {@code consumer} has not applied before (of records that carry the same event id,
     * only the first counts); {@code work} joins the transaction through the {@link ConsumerDatabase}.
     * Nothing runs when every event was applied already. A poll is claimed in one statement on
     * PostgreSQL; elsewhere (H2, the local run's embedded database) a larger one in a query and a batch
     * of inserts. Should another instance apply one of
     * the same events at the same moment, the claim's primary key fails one of the two transactions,
     * which is then retried and finds the event applied.
     *
     * @return the records whose events this call applied, in their order
     */
    public <K, V> List<ConsumerRecord<K, V>> applyEachOnce(String consumer, List<ConsumerRecord<K, V>> records,
            Consumer<List<ConsumerRecord<K, V>>> work) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> eventIds = records.stream().map(IdempotentConsumer::eventId).distinct().toList();
        return jdbc.inTransaction(() -> {
            if (eventIds.size() == 1) {
                int inserted = jdbc.jdbcTemplate().getJdbcTemplate().update(CLAIM_ONE, consumer, eventIds.get(0));
                if (inserted == 0) {
                    return List.<ConsumerRecord<K, V>>of();
                }
                List<ConsumerRecord<K, V>> first = List.of(records.get(0));
                work.accept(first);
                return first;
            }
            if (jdbc.postgres()) {
                // one statement: the ids this call inserted are the ones to apply. An id another instance is
                // claiming at this moment makes it wait for that transaction: committed, the id is left out here;
                // rolled back, it is claimed here
                Set<String> inserted = new HashSet<>(jdbc.jdbcTemplate().getJdbcTemplate().query(connection -> {
                    PreparedStatement claim = connection.prepareStatement(CLAIM_MANY);
                    claim.setString(1, consumer);
                    claim.setArray(2, connection.createArrayOf("varchar", eventIds.toArray()));
                    return claim;
                }, (row, number) -> row.getString(1)));
                // of records with the same event id, the first is applied
                List<ConsumerRecord<K, V>> fresh = records.stream().filter(record -> inserted.remove(eventId(record)))
                        .toList();
                if (!fresh.isEmpty()) {
                    work.accept(fresh);
                }
                return fresh;
            }
            Set<String> claimed = new HashSet<>();
            for (List<String> chunk : SqlRows.chunks(eventIds)) {
                claimed.addAll(jdbc.jdbc()
                        .sql("select event_id from processed_event where consumer = :consumer and event_id in (:ids)")
                        .param("consumer", consumer)
                        .param("ids", chunk)
                        .query(String.class)
                        .list());
            }
            List<ConsumerRecord<K, V>> fresh = records.stream().filter(record -> claimed.add(eventId(record))).toList();
            if (fresh.isEmpty()) {
                return fresh;
            }
            List<Object[]> claims = fresh.stream().map(record -> new Object[] {consumer, eventId(record)}).toList();
            jdbc.jdbcTemplate().getJdbcTemplate()
                    .batchUpdate("insert into processed_event (consumer, event_id) values (?, ?)", claims);
            work.accept(fresh);
            return fresh;
        });
    }

    /**
     * Runs {@code work} in one JDBC transaction on this thread, which the {@link #applyEachOnce} calls
     * inside it join: a poll of several topics, each claimed under its own consumer name, commits once.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return jdbc.inTransaction(work);
    }

    /** The producer's event id; a record from a tool that sets none is known by its position. */
    public static String eventId(ConsumerRecord<?, ?> record) {
        return EventHeaders.read(record.headers(), EventHeaders.EVENT_ID)
                .orElse(record.topic() + "-" + record.partition() + "@" + record.offset());
    }
}
