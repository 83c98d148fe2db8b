package com.leadflow.matching.ambassador;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.matching.db.InLists;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.platform.db.Columns;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The ambassador table as the Kafka consumers use it: blocking, on the platform's JDBC pool, in the
 * poll's transaction (the HTTP side keeps {@link AmbassadorRepository} on R2DBC). Slots are taken
 * and given back with the same conditional updates, so the two paths cannot overfill an ambassador
 * between them.
 */
@Repository
public class JdbcAmbassadors {

    private final ConsumerDatabase db;

    public JdbcAmbassadors(ConsumerDatabase db) {
        this.db = db;
    }

    /**
     * Active ambassadors with a free slot who share the procedure or the condition of any of the
     * targets, in one read for a whole poll's leads.
     */
    public List<Ambassador> findAvailableSharing(Collection<MatchTarget> targets) {
        Set<String> procedures = targets.stream().map(MatchTarget::specificProcedure).filter(Objects::nonNull)
                .map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> conditions = targets.stream().map(MatchTarget::specificCondition).filter(Objects::nonNull)
                .map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        // "-" names no procedure or condition, as in AmbassadorRepository
        List<List<String>> procedureLists = InLists.of(procedures.isEmpty() ? List.of("-") : procedures);
        List<List<String>> conditionLists = InLists.of(conditions.isEmpty() ? List.of("-") : conditions);
        Map<UUID, Ambassador> found = new LinkedHashMap<>();
        for (List<String> procedureList : procedureLists) {
            for (List<String> conditionList : conditionLists) {
                db.jdbc().sql("select " + AmbassadorRepository.COLUMNS + """
                         from ambassador
                        where status = 'ACTIVE' and active_matches < max_active
                          and (procedure_code in (:procedures) or condition_code in (:conditions))""")
                        .param("procedures", procedureList).param("conditions", conditionList)
                        .query((row, n) -> AmbassadorRepository.read(Columns.of(row))).list()
                        .forEach(a -> found.put(a.id(), a));
            }
        }
        return List.copyOf(found.values());
    }

    private static final String TAKE_SLOTS = """
            update ambassador set active_matches = active_matches + :slots, last_matched_at = :now
            where id = :id and status = 'ACTIVE' and active_matches + :slots <= max_active""";

    /**
     * Takes {@code slots} of the ambassador's conversation slots if that many are free and the
     * ambassador is active, all or none.
     *
     * @return whether they were taken; false when another visitor got there first
     */
    public boolean takeSlots(UUID id, int slots, Instant now) {
        return db.jdbc().sql(TAKE_SLOTS).param("id", id).param("slots", slots).param("now", utc(now)).update() == 1;
    }

    /** Slots to take of one ambassador, and when the last of them was chosen. */
    public record SlotsToTake(UUID ambassadorId, int slots, Instant at) {
    }

    /**
     * Takes slots of several ambassadors in one batch (one round trip), in the order given, each
     * ambassador's all or none.
     *
     * @return whether every ambassador's slots were taken
     */
    public boolean takeSlots(List<SlotsToTake> takes) {
        if (takes.isEmpty()) {
            return true;
        }
        SqlParameterSource[] rows = takes.stream().map(take -> new MapSqlParameterSource()
                .addValue("id", take.ambassadorId()).addValue("slots", take.slots()).addValue("now", utc(take.at())))
                .toArray(SqlParameterSource[]::new);
        return Arrays.stream(db.jdbcTemplate().batchUpdate(TAKE_SLOTS, rows)).allMatch(taken -> taken == 1);
    }

    public void giveSlotBack(UUID id) {
        db.jdbc().sql("update ambassador set active_matches = active_matches - 1 where id = :id and active_matches > 0")
                .param("id", id).update();
    }
}
