package com.leadflow.matching.seeker;

import static com.leadflow.platform.db.SqlValues.bind;
import static com.leadflow.platform.db.SqlValues.bindEnum;
import static com.leadflow.platform.db.SqlValues.bindTime;
import static com.leadflow.platform.db.SqlValues.enumOf;
import static com.leadflow.platform.db.SqlValues.instant;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.events.Condition;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.AgeBand;
import com.leadflow.platform.db.Columns;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The seeker table. Every change to a lead's matching starts by locking its row, so the lead's
 * own events, the wait-list sweep and the care manager's actions take turns per lead.
 */
@Repository
public class SeekerRepository {

    private final DatabaseClient db;

    public SeekerRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Adds the lead's row unless it exists; either way the row can be locked afterwards. */
    public Mono<Void> insertIfAbsent(Seeker seeker, Instant now) {
        GenericExecuteSpec spec = db.sql("""
                insert into seeker (lead_id, match_state, connect_requested, contact_consent, condition_code,
                    procedure_code, lead_arrived, age_band, language, us_state, zip_prefix, time_zone, gender_preference,
                    waitlisted_at, updated_at)
                values (:leadId, :state, :requested, :consent, :condition, :procedure, :arrived, :ageBand, :language,
                    :usState, :zipPrefix, :timeZone, :genderPreference, :waitlistedAt, :now)
                on conflict do nothing""");
        return values(spec, seeker, now).then();
    }

    /** The lead's row, locked until the transaction ends; empty when matching never heard of the lead. */
    public Mono<Seeker> lock(String leadId) {
        return db.sql("select * from seeker where lead_id = :leadId for update").bind("leadId", leadId)
                .map(row -> read(row::get)).one();
    }

    public Mono<Seeker> find(String leadId) {
        return db.sql("select * from seeker where lead_id = :leadId").bind("leadId", leadId)
                .map(row -> read(row::get)).one();
    }

    public Mono<Void> save(Seeker seeker, Instant now) {
        GenericExecuteSpec spec = db.sql("""
                update seeker set match_state = :state, connect_requested = :requested, contact_consent = :consent,
                    condition_code = :condition, procedure_code = :procedure, lead_arrived = :arrived,
                    age_band = :ageBand, language = :language, us_state = :usState, zip_prefix = :zipPrefix,
                    time_zone = :timeZone, gender_preference = :genderPreference, waitlisted_at = :waitlistedAt,
                    updated_at = :now
                where lead_id = :leadId""");
        return values(spec, seeker, now).then();
    }

    /** Wait-listed leads as matching knows them, longest waiting first. */
    public Flux<Seeker> findWaitlisted(int limit) {
        return db.sql("select * from seeker where match_state = 'WAITLISTED' order by waitlisted_at, lead_id limit :limit")
                .bind("limit", limit).map(row -> read(row::get)).all();
    }

    private static GenericExecuteSpec values(GenericExecuteSpec spec, Seeker s, Instant now) {
        SeekerProfile p = s.profile();
        spec = spec.bind("leadId", s.leadId()).bind("state", s.state().name())
                .bind("requested", s.connectRequested()).bind("consent", s.contactConsent())
                .bind("arrived", p != null).bind("now", utc(now));
        spec = bindEnum(spec, "condition", s.target() == null ? null : s.target().condition());
        spec = bindEnum(spec, "procedure", s.target() == null ? null : s.target().procedure());
        spec = bindEnum(spec, "ageBand", p == null ? null : p.ageBand());
        spec = bind(spec, "language", p == null ? null : p.language(), String.class);
        spec = bind(spec, "usState", p == null ? null : p.state(), String.class);
        spec = bind(spec, "zipPrefix", p == null ? null : p.zipPrefix(), String.class);
        spec = bind(spec, "timeZone", p == null ? null : p.timeZone(), String.class);
        spec = bindEnum(spec, "genderPreference", p == null ? null : p.genderPreference());
        return bindTime(spec, "waitlistedAt", s.waitlistedAt());
    }

    static Seeker read(Columns row) {
        SeekerProfile profile = Boolean.TRUE.equals(row.get("lead_arrived", Boolean.class))
                ? new SeekerProfile(enumOf(AgeBand.class, row.get("age_band", String.class)),
                        row.get("language", String.class), row.get("us_state", String.class),
                        row.get("zip_prefix", String.class), row.get("time_zone", String.class),
                        enumOf(GenderPreference.class, row.get("gender_preference", String.class)))
                : null;
        MatchTarget target = new MatchTarget(enumOf(Condition.class, row.get("condition_code", String.class)),
                enumOf(Procedure.class, row.get("procedure_code", String.class)));
        return new Seeker(row.get("lead_id", String.class),
                enumOf(SeekerState.class, row.get("match_state", String.class)),
                Boolean.TRUE.equals(row.get("connect_requested", Boolean.class)),
                Boolean.TRUE.equals(row.get("contact_consent", Boolean.class)), target, profile,
                instant(row.get("waitlisted_at", OffsetDateTime.class)));
    }
}
