package com.leadflow.outreach.recipient;

import static com.leadflow.platform.db.SqlValues.enumOf;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.events.Condition;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.Procedure;
import com.leadflow.platform.db.Columns;
import com.leadflow.platform.db.ConsumerDatabase;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The recipients of each lead's messages; callers provide the transaction. Reactive (R2DBC) for the
 * HTTP handlers; blocking (JDBC) for the consumers and the sender, many leads per statement.
 */
@Component
public class Recipients {

    private final DatabaseClient db;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public Recipients(DatabaseClient db, ConsumerDatabase consumers) {
        this.db = db;
        this.jdbc = consumers.jdbc();
        this.batch = consumers.jdbcTemplate().getJdbcTemplate();
    }

    /**
     * Stores a poll's recipients in the caller's JDBC transaction, as one batch (pgjdbc sends it as
     * multi-row inserts); a lead already known keeps what it had.
     */
    public void addAll(List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into recipient (lead_id, first_name, email, phone, zip_code, time_zone, language,
                    preferred_channel, preferred_time, contact_consent, disclosure_version, disclosure_sha256,
                    condition, procedure, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", recipients.stream().map(r -> new Object[] {r.leadId(), r.firstName(),
                        text(r.email()), text(r.phone()), r.zipCode(), text(r.timeZone()), r.language(),
                        r.preferredChannel().name(), r.preferredTime().name(), r.contactConsent(),
                        r.disclosureVersion(), r.disclosureSha256(), r.condition().name(),
                        text(r.procedure() == null ? null : r.procedure().name()), utc(r.submittedAt())}).toList());
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    public Mono<Recipient> find(UUID leadId) {
        return db.sql("select * from recipient where lead_id = :lead").bind("lead", leadId).map(row -> read(row::get)).one();
    }

    /** The known recipients of these leads (JDBC, one query), by lead id; a lead not known yet is absent. */
    public Map<UUID, Recipient> findAll(Collection<UUID> leadIds) {
        Map<UUID, Recipient> found = new HashMap<>();
        if (leadIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from recipient where lead_id in (:leads)").param("leads", List.copyOf(leadIds))
                .query((row, n) -> read(Columns.of(row))).list().forEach(r -> found.put(r.leadId(), r));
        return found;
    }

    /** The leads whose visitor gave this email address or phone number. */
    public Flux<UUID> withAddress(Channel channel, String address) {
        String column = channel == Channel.EMAIL ? "lower(email)" : "phone";
        return db.sql("select lead_id from recipient where " + column + " = :address")
                .bind("address", channel == Channel.EMAIL ? address.toLowerCase(java.util.Locale.ROOT) : address)
                .map((row, meta) -> row.get("lead_id", UUID.class)).all();
    }

    /** A recipient row, read the same way from R2DBC ({@code row::get}) and JDBC ({@link Columns#of}). */
    private static Recipient read(Columns row) {
        return new Recipient(row.get("lead_id", UUID.class), row.get("first_name", String.class),
                row.get("email", String.class), row.get("phone", String.class), row.get("zip_code", String.class),
                row.get("time_zone", String.class), row.get("language", String.class),
                ContactChannel.valueOf(row.get("preferred_channel", String.class)),
                ContactTime.valueOf(row.get("preferred_time", String.class)),
                Boolean.TRUE.equals(row.get("contact_consent", Boolean.class)),
                row.get("disclosure_version", String.class), row.get("disclosure_sha256", String.class),
                Condition.valueOf(row.get("condition", String.class)),
                enumOf(Procedure.class, row.get("procedure", String.class)),
                row.get("submitted_at", OffsetDateTime.class).toInstant());
    }
}
