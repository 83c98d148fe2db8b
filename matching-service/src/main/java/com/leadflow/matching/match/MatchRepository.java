package com.leadflow.matching.match;

import static com.leadflow.platform.db.SqlValues.bind;
import static com.leadflow.platform.db.SqlValues.bindEnum;
import static com.leadflow.platform.db.SqlValues.enumOf;
import static com.leadflow.platform.db.SqlValues.instant;
import static com.leadflow.platform.db.SqlValues.utc;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import com.leadflow.platform.db.Columns;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The lead_match table, read together with the ambassador's display name. */
@Repository
public class MatchRepository {

    static final String SELECT = """
            select m.*, a.first_name, a.last_initial from lead_match m join ambassador a on a.id = m.ambassador_id
            """;

    private final DatabaseClient db;

    public MatchRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Match m, Instant now) {
        GenericExecuteSpec spec = db.sql("""
                insert into lead_match (id, lead_id, ambassador_id, state, shared_condition, shared_procedure, reasons,
                    proposed_at, updated_at)
                values (:id, :leadId, :ambassadorId, :state, :condition, :procedure, :reasons, :proposedAt, :now)""")
                .bind("id", m.id()).bind("leadId", m.leadId()).bind("ambassadorId", m.ambassadorId())
                .bind("state", m.state().name()).bind("reasons", String.join("\n", m.reasons()))
                .bind("proposedAt", utc(m.proposedAt())).bind("now", utc(now));
        spec = bindEnum(spec, "condition", m.sharedCondition());
        return bindEnum(spec, "procedure", m.sharedProcedure()).then();
    }

    public Mono<Void> update(Match m, Instant now) {
        GenericExecuteSpec spec = db.sql("""
                update lead_match set state = :state, feedback_rating = :rating, feedback_comment = :comment,
                    updated_at = :now
                where id = :id""")
                .bind("id", m.id()).bind("state", m.state().name()).bind("now", utc(now));
        spec = bind(spec, "rating", m.feedback() == null ? null : m.feedback().rating(), Integer.class);
        return bind(spec, "comment", m.feedback() == null ? null : m.feedback().comment(), String.class).then();
    }

    public Mono<Match> findById(UUID id) {
        return db.sql(SELECT + " where m.id = :id").bind("id", id).map(row -> read(row::get)).one();
    }

    /** A lead's matches, newest first. */
    public Flux<Match> findByLead(String leadId) {
        return db.sql(SELECT + " where m.lead_id = :leadId order by m.proposed_at desc, m.id")
                .bind("leadId", leadId).map(row -> read(row::get)).all();
    }

    /** Matches in {@code state}, the most recently changed first: a column of the coordinator's match board. */
    public Flux<Match> findInState(MatchState state, int limit) {
        return db.sql(SELECT + " where m.state = :state order by m.updated_at desc, m.id limit :limit")
                .bind("state", state.name()).bind("limit", limit).map(row -> read(row::get)).all();
    }

    /** The lead's proposed or accepted match, if any. */
    public Mono<Match> findHoldingCapacity(String leadId) {
        return findByLead(leadId).filter(m -> m.state().holdsCapacity()).next();
    }

    /** Proposed or accepted matches of ambassadors who have withdrawn consent. */
    public Flux<Match> findHeldByRetiredAmbassadors() {
        return db.sql(SELECT + " where a.status = 'RETIRED' and m.state in ('PROPOSED', 'ACCEPTED')")
                .map(row -> read(row::get)).all();
    }

    static Match read(Columns row) {
        String reasons = row.get("reasons", String.class);
        Integer rating = row.get("feedback_rating", Integer.class);
        return new Match(row.get("id", UUID.class), row.get("lead_id", String.class),
                row.get("ambassador_id", UUID.class),
                row.get("first_name", String.class) + " " + row.get("last_initial", String.class) + ".",
                enumOf(MatchState.class, row.get("state", String.class)),
                enumOf(Condition.class, row.get("shared_condition", String.class)),
                enumOf(Procedure.class, row.get("shared_procedure", String.class)),
                reasons == null || reasons.isEmpty() ? java.util.List.of() : Arrays.asList(reasons.split("\n")),
                instant(row.get("proposed_at", OffsetDateTime.class)),
                rating == null ? null : new Feedback(rating, row.get("feedback_comment", String.class)));
    }
}
