package com.leadflow.matching.ambassador;

import static com.leadflow.platform.db.SqlValues.enumOf;
import static com.leadflow.platform.db.SqlValues.instant;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import com.leadflow.platform.db.Columns;
import com.leadflow.platform.db.SqlValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ambassador table. Conversation slots are taken and given back only with conditional
 * updates, so two visitors racing for an ambassador's last slot cannot both get it: the database
 * lets one update through and the other finds no row to change.
 */
@Repository
public class AmbassadorRepository {

    static final String COLUMNS = """
            id, first_name, last_initial, condition_code, procedure_code, procedure_year, age_band, gender, languages,
            us_state, time_zone, contact_mode, max_active, active_matches, status, consent_date, last_matched_at,
            consent_evidence""";

    private final DatabaseClient db;

    public AmbassadorRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Ambassador a, Instant now) {
        GenericExecuteSpec spec = db.sql("""
                insert into ambassador (id, first_name, last_initial, condition_code, procedure_code, procedure_year,
                    age_band, gender, languages, us_state, time_zone, contact_mode, max_active, active_matches, status,
                    consent_date, consent_evidence, created_at, updated_at)
                values (:id, :firstName, :lastInitial, :condition, :procedure, :procedureYear, :ageBand, :gender,
                    :languages, :state, :timeZone, :contactMode, :maxActive, 0, :status, :consentDate, :consentEvidence,
                    :now, :now)
                on conflict do nothing""");
        return profile(spec, a).bind("status", a.status().name()).bind("now", utc(now)).then();
    }

    /** Changes what an ambassador told us about themselves; slots in use and status stay as they are. */
    public Mono<Long> updateProfile(Ambassador a, Instant now) {
        GenericExecuteSpec spec = db.sql("""
                update ambassador set first_name = :firstName, last_initial = :lastInitial, condition_code = :condition,
                    procedure_code = :procedure, procedure_year = :procedureYear, age_band = :ageBand, gender = :gender,
                    languages = :languages, us_state = :state, time_zone = :timeZone, contact_mode = :contactMode,
                    max_active = :maxActive, consent_date = :consentDate, consent_evidence = :consentEvidence,
                    updated_at = :now
                where id = :id and status <> 'RETIRED'""");
        return profile(spec, a).bind("now", utc(now)).fetch().rowsUpdated();
    }

    /** Moves an ambassador to {@code status}; a retired ambassador never comes back. */
    public Mono<Long> changeStatus(UUID id, AmbassadorStatus status, Instant now) {
        return db.sql("update ambassador set status = :status, updated_at = :now where id = :id and status <> 'RETIRED'")
                .bind("status", status.name()).bind("now", utc(now)).bind("id", id)
                .fetch().rowsUpdated();
    }

    /**
     * Takes one of the ambassador's conversation slots if one is free and the ambassador is active.
     *
     * @return whether the slot was taken; false when another visitor got there first
     */
    public Mono<Boolean> takeSlot(UUID id, Instant now) {
        return db.sql("""
                update ambassador set active_matches = active_matches + 1, last_matched_at = :now
                where id = :id and status = 'ACTIVE' and active_matches < max_active""")
                .bind("id", id).bind("now", utc(now))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Void> giveSlotBack(UUID id) {
        return db.sql("update ambassador set active_matches = active_matches - 1 where id = :id and active_matches > 0")
                .bind("id", id).then();
    }

    public Mono<Ambassador> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from ambassador where id = :id").bind("id", id)
                .map(row -> read(row::get)).one();
    }

    public Flux<Ambassador> findAll() {
        return db.sql("select " + COLUMNS + " from ambassador order by first_name, last_initial, id")
                .map(row -> read(row::get)).all();
    }

    /** Active ambassadors with a free slot who share the procedure or the condition. */
    public Flux<Ambassador> findAvailableSharing(Procedure procedure, Condition condition) {
        return db.sql("select " + COLUMNS + """
                 from ambassador
                where status = 'ACTIVE' and active_matches < max_active
                  and (procedure_code = :procedure or condition_code = :condition)""")
                .bind("procedure", procedure == null ? "-" : procedure.name())
                .bind("condition", condition == null ? "-" : condition.name())
                .map(row -> read(row::get)).all();
    }

    private static GenericExecuteSpec profile(GenericExecuteSpec spec, Ambassador a) {
        spec = spec.bind("id", a.id()).bind("firstName", a.firstName()).bind("lastInitial", a.lastInitial())
                .bind("condition", a.condition().name()).bind("procedure", a.procedure().name())
                .bind("procedureYear", a.procedureYear()).bind("ageBand", a.ageBand().name())
                .bind("gender", a.gender().name()).bind("languages", String.join(",", a.languages().stream().sorted().toList()))
                .bind("timeZone", a.timeZone()).bind("contactMode", a.contactMode().name())
                .bind("maxActive", a.maxActive()).bind("consentDate", a.consentDate());
        spec = SqlValues.bind(spec, "consentEvidence", a.consentEvidence(), String.class);
        return SqlValues.bind(spec, "state", a.state(), String.class);
    }

    static Ambassador read(Columns row) {
        Set<String> languages = Arrays.stream(row.get("languages", String.class).split(","))
                .filter(code -> !code.isBlank()).collect(Collectors.toSet());
        return new Ambassador(row.get("id", UUID.class), row.get("first_name", String.class),
                row.get("last_initial", String.class), enumOf(Condition.class, row.get("condition_code", String.class)),
                enumOf(Procedure.class, row.get("procedure_code", String.class)),
                row.get("procedure_year", Integer.class), enumOf(AgeBand.class, row.get("age_band", String.class)),
                enumOf(Gender.class, row.get("gender", String.class)), languages, row.get("us_state", String.class),
                row.get("time_zone", String.class), enumOf(ContactMode.class, row.get("contact_mode", String.class)),
                row.get("max_active", Integer.class), row.get("active_matches", Integer.class),
                enumOf(AmbassadorStatus.class, row.get("status", String.class)),
                row.get("consent_date", LocalDate.class), instant(row.get("last_matched_at", OffsetDateTime.class)),
                row.get("consent_evidence", String.class));
    }
}
