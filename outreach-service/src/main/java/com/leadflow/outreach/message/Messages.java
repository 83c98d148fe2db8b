package com.leadflow.outreach.message;

import static com.leadflow.platform.db.SqlValues.bind;
import static com.leadflow.platform.db.SqlValues.instant;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.outreach.recipient.Channel;
import com.leadflow.platform.db.Columns;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.id.TimeOrderedUuid;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The outbox of messages. A message is added in the transaction of the event that calls for it;
 * its purpose is unique per lead, so the same event delivered twice adds one message. Senders
 * take messages with a lease, so two instances never send the same one at the same time.
 *
 * <p>Two ways in: reactive (R2DBC) for the care managers' HTTP handlers, blocking (JDBC, the
 * platform's consumer pool) for the consumers and the sender, which work a poll or a batch of
 * messages with a few statements rather than several per message.
 */
@Component
public class Messages {

    /** A message's delivery ended (sent, failed or suppressed) on the channel it went, or would have gone, by. */
    public record Finish(UUID id, Channel channel, MessageState state, Instant at, String reason, String providerId) {
    }

    /**
     * A message held until {@code until}: quiet hours ({@code DEFERRED}) or a retry ({@code PENDING});
     * {@code channel} is the channel it is now planned for, or null to keep the one it has.
     */
    public record Hold(UUID id, Channel channel, MessageState state, Instant until, int attempts, String reason) {
    }

    private static final String INSERT = """
            insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at, requested_by)
            values\s""";
    private static final String LEASE = """
            update message set leased_until = :until where id = :id and state in ('PENDING', 'DEFERRED')
            and due_at <= :now and (leased_until is null or leased_until < :now)""";

    private static final String LEASE_BATCH = """
            update message set leased_until = :until where id = any(array(
                select id from message where state in ('PENDING', 'DEFERRED') and due_at <= :now
                and (leased_until is null or leased_until < :now) order by due_at limit %d
                for update skip locked))
            returning *""";

    private final DatabaseClient db;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MessageArrays arrays;
    private final boolean postgres;

    public Messages(DatabaseClient db, ConsumerDatabase consumers) {
        this.db = db;
        this.jdbc = consumers.jdbc();
        this.batch = consumers.jdbcTemplate().getJdbcTemplate();
        this.arrays = new MessageArrays(batch);
        this.postgres = db.getConnectionFactory().getMetadata().getName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** A new message for a lead, due at {@code now}, to {@link #add} or {@link #addAll}. */
    public static Message planned(UUID leadId, String purpose, MessageKind kind, Channel channel, MessageState state,
            Instant now, String requestedBy) {
        return new Message(TimeOrderedUuid.next(), leadId, purpose, kind, channel, state, 0, now, null, now, null, requestedBy);
    }

    /** @return the message, or empty when the lead already has one for this purpose (reactive, HTTP) */
    public Mono<Message> add(Message m) {
        var spec = db.sql(INSERT + "(:id, :lead, :purpose, :kind, :channel, :state, :now, :now, :by) on conflict do nothing")
                .bind("id", m.id()).bind("lead", m.leadId()).bind("purpose", m.purpose()).bind("kind", m.kind().name())
                .bind("channel", m.channel().name()).bind("state", m.state().name()).bind("now", utc(m.createdAt()));
        return bind(spec, "by", m.requestedBy(), String.class).fetch().rowsUpdated()
                .filter(rows -> rows > 0)
                .map(rows -> m);
    }

    /**
     * Adds a poll's messages in the caller's JDBC transaction, in their order: on PostgreSQL in one
     * statement of arrays that returns the ids it added; on H2 (no {@code returning}) one statement each.
     *
     * @return the ids of the messages added; the others' leads already had one for that purpose
     */
    public Set<UUID> addAll(List<Message> planned) {
        if (postgres) {
            return arrays.insert(planned);
        }
        Set<UUID> added = new HashSet<>();
        for (Message m : planned) {
            var spec = jdbc.sql(INSERT + "(:id, :lead, :purpose, :kind, :channel, :state, :now, :now, :by) on conflict do nothing")
                    .param("id", m.id()).param("lead", m.leadId()).param("purpose", m.purpose())
                    .param("kind", m.kind().name()).param("channel", m.channel().name())
                    .param("state", m.state().name()).param("now", utc(m.createdAt()))
                    .param("by", m.requestedBy(), Types.VARCHAR);
            if (spec.update() > 0) {
                added.add(m.id());
            }
        }
        return added;
    }

    /**
     * Takes up to {@code limit} messages due at {@code now} that no sender holds, until {@code until},
     * oldest due first. On PostgreSQL one statement ({@code update ... returning}, skipping rows another
     * sender is taking at this moment); on H2 (the local run's embedded database) a query for the due
     * ones, then an update and a read for each.
     */
    public List<Message> lease(Instant now, Instant until, int limit) {
        List<Message> leased;
        if (postgres) {
            // The batch size is written into the statement, not bound: with "limit $n" PostgreSQL's plan
            // for any parameters assumes a tenth of the due messages, looks dearer than a plan for the
            // actual values, and so it planned every lease anew (a sender's batch size never changes).
            leased = jdbc.sql(LEASE_BATCH.formatted(limit))
                    .param("now", utc(now)).param("until", utc(until))
                    .query((row, n) -> read(Columns.of(row))).list();
        } else {
            leased = new ArrayList<>();
            List<UUID> due = jdbc.sql("""
                    select id from message where state in ('PENDING', 'DEFERRED') and due_at <= :now
                    and (leased_until is null or leased_until < :now) order by due_at limit :limit""")
                    .param("now", utc(now)).param("limit", limit).query(UUID.class).list();
            for (UUID id : due) {
                if (jdbc.sql(LEASE).param("id", id).param("now", utc(now)).param("until", utc(until)).update() > 0) {
                    leased.addAll(jdbc.sql("select * from message where id = :id").param("id", id)
                            .query((row, n) -> read(Columns.of(row))).list());
                }
            }
        }
        return leased.stream().sorted(Comparator.comparing(Message::dueAt)).toList();
    }

    public Mono<Message> find(UUID id) {
        return db.sql("select * from message where id = :id").bind("id", id).map(row -> read(row::get)).one();
    }

    public Mono<List<Message>> ofLead(UUID leadId) {
        return db.sql("select * from message where lead_id = :lead order by created_at, id").bind("lead", leadId)
                .map(row -> read(row::get)).all().collectList();
    }

    /** Ends these messages' delivery, in the caller's JDBC transaction: one statement (PostgreSQL) or one batch of updates. */
    public void finish(List<Finish> finished) {
        if (finished.isEmpty()) {
            return;
        }
        if (postgres) {
            arrays.finish(finished);
            return;
        }
        batch.batchUpdate("""
                update message set channel = ?, state = ?, leased_until = null, reason = ?, provider_id = ?, sent_at = ?
                where id = ?""", finished.stream().map(f -> new Object[] {f.channel().name(), f.state().name(),
                        text(f.reason()), text(f.providerId()),
                        time(f.state() == MessageState.SENT ? f.at() : null), f.id()}).toList());
    }

    /** Holds these messages, in the caller's JDBC transaction: one statement (PostgreSQL) or one batch of updates. */
    public void hold(List<Hold> held) {
        if (held.isEmpty()) {
            return;
        }
        if (postgres) {
            arrays.hold(held);
            return;
        }
        batch.batchUpdate("""
                update message set channel = coalesce(?, channel), state = ?, due_at = ?, attempts = ?,
                leased_until = null, reason = ? where id = ?""", held.stream().map(h -> new Object[] {
                        text(h.channel() == null ? null : h.channel().name()), h.state().name(), utc(h.until()),
                        h.attempts(), text(h.reason()), h.id()}).toList());
    }

    /** Gives leased messages back untouched, so the next batch takes them at once rather than when the lease ends. */
    public void release(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update message set leased_until = null where id in (:ids)").param("ids", ids).update();
    }

    /** The care team posted a kit by hand. */
    public Mono<Boolean> mailed(UUID id, Instant at, String by) {
        return db.sql("""
                update message set state = 'SENT', sent_at = :at, reason = :reason where id = :id and state = 'TO_MAIL'""")
                .bind("id", id).bind("at", utc(at)).bind("reason", "posted by " + by)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue time(Instant value) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, value == null ? null : utc(value));
    }

    /** A message row, read the same way from R2DBC ({@code row::get}) and JDBC ({@link Columns#of}). */
    private static Message read(Columns row) {
        return new Message(row.get("id", UUID.class), row.get("lead_id", UUID.class), row.get("purpose", String.class),
                MessageKind.valueOf(row.get("kind", String.class)), Channel.valueOf(row.get("channel", String.class)),
                MessageState.valueOf(row.get("state", String.class)), row.get("attempts", Integer.class),
                instant(row.get("due_at", OffsetDateTime.class)), row.get("reason", String.class),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("sent_at", OffsetDateTime.class)),
                row.get("requested_by", String.class));
    }
}
