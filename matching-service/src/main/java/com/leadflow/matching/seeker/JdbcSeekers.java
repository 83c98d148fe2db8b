package com.leadflow.matching.seeker;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.matching.db.InLists;
import com.leadflow.platform.db.Columns;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.db.SqlRows;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The seeker table as the Kafka consumers change it: blocking, on the platform's JDBC pool, in the
 * poll's transaction or the wait-list sweep's, many leads per statement (the HTTP side keeps
 * {@link SeekerRepository} on R2DBC). Locks taken here and there are the same row locks.
 */
@Repository
public class JdbcSeekers {

    private final ConsumerDatabase db;

    public JdbcSeekers(ConsumerDatabase db) {
        this.db = db;
    }

    /**
     * Adds each lead's row unless it exists; either way the rows can be locked afterwards.
     *
     * @return how many rows were added
     */
    public int insertIfAbsent(List<Seeker> seekers, Instant now) {
        int added = 0;
        for (List<Seeker> chunk : SqlRows.chunks(seekers)) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                int row = i;
                values(chunk.get(i), now).forEach((name, value) -> params.put(name + row, value));
            }
            added += db.jdbc().sql("""
                    insert into seeker (lead_id, match_state, connect_requested, contact_consent, condition_code,
                        procedure_code, lead_arrived, age_band, language, us_state, zip_prefix, time_zone,
                        gender_preference, waitlisted_at, updated_at)
                    values %s
                    on conflict do nothing""".formatted(SqlRows.values(chunk.size(), """
                    (:leadId#, :state#, :requested#, :consent#, :condition#, :procedure#, :arrived#, :ageBand#,
                        :language#, :usState#, :zipPrefix#, :timeZone#, :genderPreference#, :waitlistedAt#, :now#)""")))
                    .params(params).update();
        }
        return added;
    }

    /**
     * The leads' rows, locked until the transaction ends (in the order of their ids, so that two
     * consumers locking some of the same leads wait for each other rather than deadlock); a lead
     * matching never heard of is not in the map.
     */
    public Map<String, Seeker> lock(Collection<String> leadIds) {
        Map<String, Seeker> locked = new HashMap<>();
        for (List<String> in : InLists.of(leadIds)) {
            db.jdbc().sql("select * from seeker where lead_id in (:leads) order by lead_id for update")
                    .param("leads", in)
                    .query((row, n) -> SeekerRepository.read(Columns.of(row))).list()
                    .forEach(seeker -> locked.put(seeker.leadId(), seeker));
        }
        return locked;
    }

    /**
     * Wait-listed leads, longest waiting first, who share the procedure or the condition with an
     * active ambassador who has a free slot: the only ones a sweep could match. One read, whatever
     * the length of the wait-list; empty when no ambassador has room. The database's equality is
     * looser than the scorer's (it also pairs vague answers such as "other"), so this may name a
     * lead the scorer then finds nobody for, never the other way round.
     */
    public List<String> waitlistedWithRoom(int limit) {
        return db.jdbc().sql("""
                select s.lead_id from seeker s
                where s.match_state = 'WAITLISTED'
                  and exists (select 1 from ambassador a
                              where a.status = 'ACTIVE' and a.active_matches < a.max_active
                                and (a.procedure_code = s.procedure_code or a.condition_code = s.condition_code))
                order by s.waitlisted_at, s.lead_id
                limit :limit""")
                .param("limit", limit)
                .query(String.class).list();
    }

    /** A lead as it is to be saved, and when it changed. */
    public record Change(Seeker seeker, Instant at) {
    }

    /** Saves the leads as they changed, in one batch (one round trip to the database, not one per lead). */
    public void save(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = changes.stream()
                .map(change -> new MapSqlParameterSource(values(change.seeker(), change.at())))
                .toArray(SqlParameterSource[]::new);
        db.jdbcTemplate().batchUpdate("""
                update seeker set match_state = :state, connect_requested = :requested, contact_consent = :consent,
                    condition_code = :condition, procedure_code = :procedure, lead_arrived = :arrived,
                    age_band = :ageBand, language = :language, us_state = :usState, zip_prefix = :zipPrefix,
                    time_zone = :timeZone, gender_preference = :genderPreference, waitlisted_at = :waitlistedAt,
                    updated_at = :now
                where lead_id = :leadId""", rows);
    }

    private static Map<String, Object> values(Seeker s, Instant now) {
        SeekerProfile p = s.profile();
        Map<String, Object> values = new HashMap<>();
        values.put("leadId", s.leadId());
        values.put("state", s.state().name());
        values.put("requested", s.connectRequested());
        values.put("consent", s.contactConsent());
        values.put("arrived", p != null);
        values.put("now", utc(now));
        values.put("condition", name(s.target() == null ? null : s.target().condition()));
        values.put("procedure", name(s.target() == null ? null : s.target().procedure()));
        values.put("ageBand", name(p == null ? null : p.ageBand()));
        values.put("language", p == null ? null : p.language());
        values.put("usState", p == null ? null : p.state());
        values.put("zipPrefix", p == null ? null : p.zipPrefix());
        values.put("timeZone", p == null ? null : p.timeZone());
        values.put("genderPreference", name(p == null ? null : p.genderPreference()));
        values.put("waitlistedAt", s.waitlistedAt() == null ? null : utc(s.waitlistedAt()));
        return values;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
