package com.leadflow.matching.coordinator;

import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.match.MatchView;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinator's match board: every proposed and accepted match (they hold an ambassador's slot,
 * so there are never more than the registry's capacity), and the most recent declined and completed ones.
 */
@Service
public class MatchBoard {

    /** Proposed and accepted matches are bounded by capacity; this bounds the page, not them. */
    static final int OPEN_SHOWN = 500;
    static final int ENDED_SHOWN = 50;

    private final MatchRepository matches;
    private final AuditLog audit;
    private final TransactionalOperator tx;

    public MatchBoard(MatchRepository matches, AuditLog audit, TransactionalOperator tx) {
        this.matches = matches;
        this.audit = audit;
        this.tx = tx;
    }

    /** The board's four columns. */
    public record Columns(List<MatchView> proposed, List<MatchView> accepted,
            List<MatchView> declined, List<MatchView> completed) {
    }

    public Mono<Columns> columns() {
        return tx.transactional(audit.record(AuditAction.LIST, "match", "*")
                // one after the other: a transaction's statements share one connection
                .thenMany(Flux.concat(column(MatchState.PROPOSED, OPEN_SHOWN), column(MatchState.ACCEPTED, OPEN_SHOWN),
                        column(MatchState.DECLINED, ENDED_SHOWN), column(MatchState.COMPLETED, ENDED_SHOWN)))
                .collectList()
                .map(c -> new Columns(c.get(0), c.get(1), c.get(2), c.get(3))));
    }

    private Mono<List<MatchView>> column(MatchState state, int limit) {
        return matches.findInState(state, limit).map(MatchView::of).collectList();
    }
}
