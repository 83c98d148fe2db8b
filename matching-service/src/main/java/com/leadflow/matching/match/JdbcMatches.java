package com.leadflow.matching.match;

import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.matching.db.InLists;
import com.leadflow.platform.db.Columns;
import com.leadflow.platform.db.SqlRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lead_match table as the Kafka consumers read and change it: blocking, on the platform's JDBC
 * pool, in the poll's transaction, many leads per statement (the HTTP side keeps
 * {@link MatchRepository} on R2DBC).
 */
@Repository
public class JdbcMatches {

    private final JdbcClient jdbc;

    public JdbcMatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The leads' matches, each lead's newest first; a lead without matches is not in the map. */
    public Map<String, List<Match>> byLead(Collection<String> leadIds) {
        Map<String, List<Match>> byLead = new HashMap<>();
        for (List<String> in : InLists.of(leadIds)) {
            jdbc.sql(MatchRepository.SELECT + " where m.lead_id in (:leads) order by m.lead_id, m.proposed_at desc, m.id")
                    .param("leads", in)
                    .query((row, n) -> MatchRepository.read(Columns.of(row))).list()
                    .forEach(match -> byLead.computeIfAbsent(match.leadId(), lead -> new ArrayList<>()).add(match));
        }
        return byLead;
    }

    /** Adds matches just proposed (changed when proposed), many per statement. */
    public void insert(List<Match> matches) {
        for (List<Match> chunk : SqlRows.chunks(matches)) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                Match m = chunk.get(i);
                params.put("id" + i, m.id());
                params.put("leadId" + i, m.leadId());
                params.put("ambassadorId" + i, m.ambassadorId());
                params.put("state" + i, m.state().name());
                params.put("condition" + i, m.sharedCondition() == null ? null : m.sharedCondition().name());
                params.put("procedure" + i, m.sharedProcedure() == null ? null : m.sharedProcedure().name());
                params.put("reasons" + i, String.join("\n", m.reasons()));
                params.put("proposedAt" + i, utc(m.proposedAt()));
                params.put("now" + i, utc(m.proposedAt()));
            }
            jdbc.sql("""
                    insert into lead_match (id, lead_id, ambassador_id, state, shared_condition, shared_procedure,
                        reasons, proposed_at, updated_at)
                    values %s""".formatted(SqlRows.values(chunk.size(), """
                    (:id#, :leadId#, :ambassadorId#, :state#, :condition#, :procedure#, :reasons#, :proposedAt#, :now#)""")))
                    .params(params).update();
        }
    }

    public void update(Match m, Instant now) {
        jdbc.sql("""
                update lead_match set state = :state, feedback_rating = :rating, feedback_comment = :comment,
                    updated_at = :now
                where id = :id""")
                .param("id", m.id()).param("state", m.state().name()).param("now", utc(now))
                .param("rating", m.feedback() == null ? null : m.feedback().rating())
                .param("comment", m.feedback() == null ? null : m.feedback().comment())
                .update();
    }
}
