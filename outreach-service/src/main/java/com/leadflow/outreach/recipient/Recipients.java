package com.leadflow.outreach.recipient;

import static com.leadflow.platform.db.SqlValues.bind;
import static com.leadflow.platform.db.SqlValues.bindEnum;
import static com.leadflow.platform.db.SqlValues.enumOf;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.events.Condition;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.Procedure;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The recipients of each lead's messages; callers provide the transaction. */
@Repository
public class Recipients {

    private final DatabaseClient db;

    public Recipients(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a lead's recipient; a lead already known keeps what it had. */
    public Mono<Boolean> add(Recipient r) {
        var spec = db.sql("""
                insert into recipient (lead_id, first_name, email, phone, zip_code, time_zone, language, preferred_channel,
                    preferred_time, contact_consent, disclosure_version, disclosure_sha256, condition, procedure, submitted_at)
                values (:lead, :first, :email, :phone, :zip, :zone, :language, :channel, :time, :consent, :version, :sha,
                    :condition, :procedure, :at)
                on conflict do nothing""")
                .bind("lead", r.leadId()).bind("first", r.firstName()).bind("zip", r.zipCode())
                .bind("language", r.language()).bind("channel", r.preferredChannel().name())
                .bind("time", r.preferredTime().name()).bind("consent", r.contactConsent())
                .bind("version", r.disclosureVersion()).bind("sha", r.disclosureSha256())
                .bind("condition", r.condition().name()).bind("at", utc(r.submittedAt()));
        spec = bind(spec, "email", r.email(), String.class);
        spec = bind(spec, "phone", r.phone(), String.class);
        spec = bind(spec, "zone", r.timeZone(), String.class);
        spec = bindEnum(spec, "procedure", r.procedure());
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Recipient> find(UUID leadId) {
        return db.sql("select * from recipient where lead_id = :lead").bind("lead", leadId).map(Recipients::read).one();
    }

    /** The leads whose visitor gave this email address or phone number. */
    public Flux<UUID> withAddress(Channel channel, String address) {
        String column = channel == Channel.EMAIL ? "lower(email)" : "phone";
        return db.sql("select lead_id from recipient where " + column + " = :address")
                .bind("address", channel == Channel.EMAIL ? address.toLowerCase(java.util.Locale.ROOT) : address)
                .map((row, meta) -> row.get("lead_id", UUID.class)).all();
    }

    private static Recipient read(Readable row) {
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
