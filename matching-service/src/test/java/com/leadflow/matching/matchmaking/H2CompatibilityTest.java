package com.leadflow.matching.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.AgeBand;
import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.AmbassadorRepository;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.ambassador.ContactMode;
import com.leadflow.matching.ambassador.Gender;
import com.leadflow.matching.events.MatchStatusReporter;
import com.leadflow.matching.match.Feedback;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchActions;
import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.seeker.LeadFacts;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.SeekerProfile;
import com.leadflow.matching.seeker.SeekerRepository;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.outbox.OutboxRelaySignal;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The local stack runs matching on embedded H2 in PostgreSQL mode; these scenarios run the services
 * on it without a Spring context, so SQL that only PostgreSQL accepts is caught in seconds.
 */
class H2CompatibilityTest {

    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static DatabaseClient db;
    private static AmbassadorRepository ambassadors;
    private static SeekerRepository seekers;
    private static MatchRepository matches;
    private static LeadMatching leads;
    private static MatchActions actions;

    @BeforeAll
    static void migrate() {
        String name = "matching_" + UUID.randomUUID().toString().substring(0, 8);
        Flyway.configure().dataSource("jdbc:h2:mem:" + name + OPTIONS, "sa", "")
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:h2:mem:///" + name + OPTIONS).mutate()
                .option(ConnectionFactoryOptions.USER, "sa").option(ConnectionFactoryOptions.PASSWORD, "").build());
        db = DatabaseClient.create(connections);
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        Clock clock = Clock.systemUTC();
        ambassadors = new AmbassadorRepository(db);
        seekers = new SeekerRepository(db);
        matches = new MatchRepository(db);
        MatchStatusReporter status = new MatchStatusReporter(new Outbox(db, null, new OutboxRelaySignal()), clock);
        Matchmaker matchmaker = new Matchmaker(ambassadors, seekers, matches, status, clock);
        Slots slots = new Slots(ambassadors, new SweepRequests());
        leads = new LeadMatching(seekers, matches, matchmaker, status, slots, tx, clock);
        actions = new MatchActions(matches, seekers, matchmaker, slots, status, new AuditLog(db, null), tx, clock);
    }

    @Test
    void aMatchLivesItsWholeLifeOnTheEmbeddedDatabase() {
        UUID larry = UUID.randomUUID();
        ambassadors.insert(new Ambassador(larry, "Larry", "L", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY, 2021,
                AgeBand.AGE_60_69, Gender.MALE, Set.of("en"), "TX", "America/Chicago", ContactMode.PHONE, 1, 0,
                AmbassadorStatus.ACTIVE, LocalDate.of(2022, 1, 1), null), Clock.systemUTC().instant()).block();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        leads.leadSubmitted(facts(first)).block();
        leads.leadSubmitted(facts(second)).block();
        leads.leadSubmitted(facts(second)).block();

        Match match = matches.findByLead(first).blockFirst();
        assertThat(match.ambassadorDisplayName()).isEqualTo("Larry L.");
        assertThat(seekers.find(second).block().state()).isEqualTo(SeekerState.WAITLISTED);
        // the coordinator's board and wait-list read the same tables
        assertThat(matches.findInState(MatchState.PROPOSED, 10).map(Match::id).collectList().block()).contains(match.id());
        assertThat(seekers.findWaitlisted(10).map(s -> s.leadId()).collectList().block()).contains(second);

        actions.accept(match.id()).block();
        actions.complete(match.id(), new Feedback(4, "Helpful")).block();
        leads.retryWaitlisted(second).block();

        assertThat(matches.findById(match.id()).block().state()).isEqualTo(MatchState.COMPLETED);
        assertThat(matches.findByLead(second).blockFirst().ambassadorId()).isEqualTo(larry);
        assertThat(ambassadors.findById(larry).block().activeMatches()).isEqualTo(1);
        ambassadors.changeStatus(larry, AmbassadorStatus.RETIRED, Clock.systemUTC().instant()).block();
        assertThat(matches.findHeldByRetiredAmbassadors().collectList().block()).hasSize(1);
        assertThat(seekers.waitlisted(10).collectList().block()).isEmpty();
        assertThat(db.sql("select count(*) as n from outbox_event where record_key in (:first, :second)")
                .bind("first", first).bind("second", second).map(r -> r.get("n", Long.class)).one().block())
                .as("proposed, wait-listed, accepted, completed, proposed").isEqualTo(5L);
    }

    @Test
    void aReviewThatArrivesBeforeItsLeadDecidesWhatTheLeadIsMatchedOn() {
        UUID kyphoplasty = UUID.randomUUID();
        ambassadors.insert(new Ambassador(kyphoplasty, "Patricia", "O", Condition.COMPRESSION_FRACTURE,
                Procedure.KYPHOPLASTY, 2023, AgeBand.AGE_70_PLUS, Gender.FEMALE, Set.of("en"), "FL",
                "America/New_York", ContactMode.PHONE, 1, 0, AmbassadorStatus.ACTIVE, LocalDate.of(2023, 8, 15), null),
                Clock.systemUTC().instant()).block();
        String lead = UUID.randomUUID().toString();

        leads.reviewFoundCandidate(lead, MatchTarget.of(Condition.COMPRESSION_FRACTURE, Procedure.KYPHOPLASTY)).block();
        assertThat(matches.findByLead(lead).collectList().block()).isEmpty();
        leads.leadSubmitted(facts(lead)).block();

        Match match = matches.findByLead(lead).blockFirst();
        assertThat(match.ambassadorId()).isEqualTo(kyphoplasty);
        assertThat(match.sharedProcedure()).isEqualTo(Procedure.KYPHOPLASTY);
    }

    private static LeadFacts facts(String leadId) {
        return new LeadFacts(leadId, true, true, MatchTarget.of(Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY),
                new SeekerProfile(AgeBand.AGE_60_69, "en", "TX", "787", "America/Chicago", GenderPreference.NO_PREFERENCE));
    }
}
