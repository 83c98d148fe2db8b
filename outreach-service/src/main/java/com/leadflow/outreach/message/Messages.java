package com.leadflow.outreach.message;

import static com.leadflow.platform.db.SqlValues.bind;
import static com.leadflow.platform.db.SqlValues.instant;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.outreach.recipient.Channel;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox of messages. A message is added in the transaction of the event that calls for it;
 * its purpose is unique per lead, so the same event delivered twice adds one message. Senders
 * take a message with a lease, so two instances never send the same one at the same time.
 */
@Repository
public class Messages {

    private final DatabaseClient db;
    private final boolean postgres;

    public Messages(DatabaseClient db) {
        this.db = db;
        this.postgres = db.getConnectionFactory().getMetadata().getName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** @return the new message, or empty when the lead already has one for this purpose */
    public Mono<Message> add(UUID leadId, String purpose, MessageKind kind, Channel channel, MessageState state,
            Instant now, String requestedBy) {
        UUID id = UUID.randomUUID();
        var spec = db.sql("""
                insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at, requested_by)
                values (:id, :lead, :purpose, :kind, :channel, :state, :now, :now, :by)
                on conflict do nothing""")
                .bind("id", id).bind("lead", leadId).bind("purpose", purpose).bind("kind", kind.name())
                .bind("channel", channel.name()).bind("state", state.name()).bind("now", utc(now));
        return bind(spec, "by", requestedBy, String.class).fetch().rowsUpdated()
                .filter(rows -> rows > 0)
                .map(rows -> new Message(id, leadId, purpose, kind, channel, state, 0, now, null, now, null, requestedBy));
    }

    /** Messages due at {@code now} that no sender holds. */
    public Flux<UUID> due(Instant now, int limit) {
        return db.sql("""
                select id from message where state in ('PENDING', 'DEFERRED') and due_at <= :now
                and (leased_until is null or leased_until < :now) order by due_at limit :limit""")
                .bind("now", utc(now)).bind("limit", limit)
                .map((row, meta) -> row.get("id", UUID.class)).all();
    }

    /**
     * Takes a due message for {@code until}; empty when another sender has it or it is no longer due.
     * One statement on PostgreSQL ({@code update ... returning}); on H2 (the local run's embedded
     * database, which has no {@code returning}) the update and a read.
     */
    public Mono<Message> lease(UUID id, Instant now, Instant until) {
        String lease = """
                update message set leased_until = :until where id = :id and state in ('PENDING', 'DEFERRED')
                and due_at <= :now and (leased_until is null or leased_until < :now)""";
        if (postgres) {
            return db.sql(lease + " returning *")
                    .bind("id", id).bind("now", utc(now)).bind("until", utc(until))
                    .map(Messages::read).one();
        }
        return db.sql(lease)
                .bind("id", id).bind("now", utc(now)).bind("until", utc(until))
                .fetch().rowsUpdated()
                .filter(rows -> rows > 0)
                .flatMap(rows -> find(id));
    }

    public Mono<Message> find(UUID id) {
        return db.sql("select * from message where id = :id").bind("id", id).map(Messages::read).one();
    }

    public Mono<List<Message>> ofLead(UUID leadId) {
        return db.sql("select * from message where lead_id = :lead order by created_at, id").bind("lead", leadId)
                .map(Messages::read).all().collectList();
    }

    /** Ends a message's delivery (sent, failed or suppressed) on the channel it went, or would have gone, by. */
    public Mono<Void> finish(UUID id, Channel channel, MessageState state, Instant at, String reason, String providerId) {
        var spec = db.sql("""
                update message set channel = :channel, state = :state, leased_until = null, reason = :reason,
                provider_id = :provider, sent_at = :sentAt where id = :id""")
                .bind("id", id).bind("channel", channel.name()).bind("state", state.name());
        spec = bind(spec, "reason", reason, String.class);
        spec = bind(spec, "provider", providerId, String.class);
        spec = bind(spec, "sentAt", state == MessageState.SENT ? utc(at) : null, OffsetDateTime.class);
        return spec.then();
    }

    /** Holds a message until {@code until}: quiet hours ({@code DEFERRED}) or a retry ({@code PENDING}). */
    public Mono<Void> hold(UUID id, MessageState state, Instant until, int attempts, String reason) {
        var spec = db.sql("""
                update message set state = :state, due_at = :until, attempts = :attempts, leased_until = null,
                reason = :reason where id = :id""")
                .bind("id", id).bind("state", state.name()).bind("until", utc(until)).bind("attempts", attempts);
        return bind(spec, "reason", reason, String.class).then();
    }

    /** A note goes the way the visitor's consent allows when it is sent, which may differ from when it was planned. */
    public Mono<Void> useChannel(UUID id, Channel channel) {
        return db.sql("update message set channel = :channel where id = :id").bind("id", id)
                .bind("channel", channel.name()).then();
    }

    /** The care team posted a kit by hand. */
    public Mono<Boolean> mailed(UUID id, Instant at, String by) {
        return db.sql("""
                update message set state = 'SENT', sent_at = :at, reason = :reason where id = :id and state = 'TO_MAIL'""")
                .bind("id", id).bind("at", utc(at)).bind("reason", "posted by " + by)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Message read(Readable row) {
        return new Message(row.get("id", UUID.class), row.get("lead_id", UUID.class), row.get("purpose", String.class),
                MessageKind.valueOf(row.get("kind", String.class)), Channel.valueOf(row.get("channel", String.class)),
                MessageState.valueOf(row.get("state", String.class)), row.get("attempts", Integer.class),
                instant(row.get("due_at", OffsetDateTime.class)), row.get("reason", String.class),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("sent_at", OffsetDateTime.class)),
                row.get("requested_by", String.class));
    }
}
