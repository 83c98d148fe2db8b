package com.leadflow.matching.ambassador;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.matching.db.InLists;
import com.leadflow.matching.db.JdbcRow;
import com.leadflow.matching.seeker.MatchTarget;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ambassador table as the Kafka consumers use it: blocking, on the platform's JDBC pool, in the
 * poll's transaction (the HTTP side keeps {@link AmbassadorRepository} on R2DBC). Slots are taken
 * and given back with the same conditional updates, so the two paths cannot overfill an ambassador
 * between them.
 */
@Repository
public class JdbcAmbassadors {

    private final JdbcClient jdbc;

    public JdbcAmbassadors(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                jdbc.sql("select " + AmbassadorRepository.COLUMNS + """
                         from ambassador
                        where status = 'ACTIVE' and active_matches < max_active
                          and (procedure_code in (:procedures) or condition_code in (:conditions))""")
                        .param("procedures", procedureList).param("conditions", conditionList)
                        .query((row, n) -> AmbassadorRepository.read(new JdbcRow(row))).list()
                        .forEach(a -> found.put(a.id(), a));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Takes {@code slots} of the ambassador's conversation slots if that many are free and the
     * ambassador is active, all or none.
     *
     * @return whether they were taken; false when another visitor got there first
     */
    public boolean takeSlots(UUID id, int slots, Instant now) {
        return jdbc.sql("""
                update ambassador set active_matches = active_matches + :slots, last_matched_at = :now
                where id = :id and status = 'ACTIVE' and active_matches + :slots <= max_active""")
                .param("id", id).param("slots", slots).param("now", utc(now)).update() == 1;
    }

    public void giveSlotBack(UUID id) {
        jdbc.sql("update ambassador set active_matches = active_matches - 1 where id = :id and active_matches > 0")
                .param("id", id).update();
    }
}
