package com.leadflow.matching.coordinator;

import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.AmbassadorRepository;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.seeker.Seeker;
import com.leadflow.matching.seeker.SeekerProfile;
import com.leadflow.matching.seeker.SeekerRepository;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/** The wait-list as the coordinator reads it: longest waiting first, each with the reason it waits. */
@Service
public class Waitlist {

    static final int SHOWN = 200;

    private final SeekerRepository seekers;
    private final AmbassadorRepository ambassadors;
    private final MatchRepository matches;
    private final AuditLog audit;
    private final TransactionalOperator tx;

    public Waitlist(SeekerRepository seekers, AmbassadorRepository ambassadors, MatchRepository matches,
            AuditLog audit, TransactionalOperator tx) {
        this.seekers = seekers;
        this.ambassadors = ambassadors;
        this.matches = matches;
        this.audit = audit;
        this.tx = tx;
    }

    public Flux<WaitlistEntry> entries() {
        return tx.transactional(audit.record(AuditAction.LIST, "waitlist", "*")
                .then(ambassadors.findAll().collectList())
                .flatMapMany(registry -> seekers.findWaitlisted(SHOWN)
                        .concatMap(seeker -> declinedBy(seeker.leadId()).map(declined -> entry(seeker, registry, declined)))));
    }

    private Flux<Set<UUID>> declinedBy(String leadId) {
        return matches.findByLead(leadId)
                .filter(m -> m.state() == MatchState.DECLINED || m.state() == MatchState.WITHDRAWN)
                .map(Match::ambassadorId)
                .collect(Collectors.toSet())
                .flux();
    }

    private static WaitlistEntry entry(Seeker seeker, List<Ambassador> registry, Set<UUID> declined) {
        SeekerProfile profile = seeker.profile();
        var target = seeker.target();
        return new WaitlistEntry(seeker.leadId(), seeker.waitlistedAt(),
                target.condition() == null ? null : target.condition().name(),
                target.procedure() == null ? null : target.procedure().name(),
                profile == null ? SeekerProfile.ENGLISH : profile.language(),
                WaitReason.explain(target, profile, registry, declined));
    }
}
