package com.leadflow.matching.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.AgeBand;
import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.AmbassadorRepository;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.ambassador.JdbcAmbassadors;
import com.leadflow.matching.ambassador.ContactMode;
import com.leadflow.matching.ambassador.Gender;
import com.leadflow.matching.events.MatchStatusReporter;
import com.leadflow.matching.match.Feedback;
import com.leadflow.matching.match.JdbcMatches;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchActions;
import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.seeker.JdbcSeekers;
import com.leadflow.matching.seeker.LeadFacts;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.SeekerProfile;
import com.leadflow.matching.seeker.SeekerRepository;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.outbox.OutboxRelaySignal;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
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
    private static ConsumerDatabase consumers;
    private static JdbcSeekers waitlist;
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
        // the consumers' JDBC path, on the same database, as the platform builds it from Flyway's settings
        consumers = ConsumerDatabase.of(new MockEnvironment().withProperty("spring.flyway.url", "jdbc:h2:mem:" + name + OPTIONS)
                .withProperty("spring.flyway.user", "sa"), "matching-h2-test", 2);
        Clock clock = Clock.systemUTC();
        ambassadors = new AmbassadorRepository(db);
        seekers = new SeekerRepository(db);
        matches = new MatchRepository(db);
        MatchStatusReporter status = new MatchStatusReporter(new Outbox(db, consumers, new OutboxRelaySignal()), clock);
        Matchmaker matchmaker = new Matchmaker(ambassadors, seekers, matches, status, clock);
        JdbcAmbassadors jdbcAmbassadors = new JdbcAmbassadors(consumers);
        JdbcSeekers jdbcSeekers = new JdbcSeekers(consumers);
        JdbcMatches jdbcMatches = new JdbcMatches(consumers.jdbc());
        Slots slots = new Slots(ambassadors, jdbcAmbassadors, new SweepRequests());
        PollMatchmaker pollMatchmaker = new PollMatchmaker(jdbcAmbassadors, jdbcSeekers, jdbcMatches, status, clock);
        leads = new LeadMatching(jdbcSeekers, jdbcMatches, pollMatchmaker, status, slots, consumers, clock);
        waitlist = jdbcSeekers;
        actions = new MatchActions(matches, seekers, matchmaker, slots, status, new AuditLog(db, consumers.jdbc()), tx, clock);
    }

    @Test
    void aMatchLivesItsWholeLifeOnTheEmbeddedDatabase() {
        UUID larry = UUID.randomUUID();
        ambassadors.insert(new Ambassador(larry, "Larry", "L", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY, 2021,
                AgeBand.AGE_60_69, Gender.MALE, Set.of("en"), "TX", "America/Chicago", ContactMode.PHONE, 1, 0,
                AmbassadorStatus.ACTIVE, LocalDate.of(2022, 1, 1), null), Clock.systemUTC().instant()).block();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        submitted(facts(first));
        submitted(facts(second));
        submitted(facts(second));

        Match match = matches.findByLead(first).blockFirst();
        assertThat(match.ambassadorDisplayName()).isEqualTo("Larry L.");
        assertThat(seekers.find(second).block().state()).isEqualTo(SeekerState.WAITLISTED);
        // the coordinator's board and wait-list read the same tables
        assertThat(matches.findInState(MatchState.PROPOSED, 10).map(Match::id).collectList().block()).contains(match.id());
        assertThat(seekers.findWaitlisted(10).map(s -> s.leadId()).collectList().block()).contains(second);

        actions.accept(match.id()).block();
        actions.complete(match.id(), new Feedback(4, "Helpful")).block();
        // the sweep's read of who could be matched now, and its round, on H2 too
        leads.retryWaitlisted(waitlist.waitlistedWithRoom(10));

        assertThat(matches.findById(match.id()).block().state()).isEqualTo(MatchState.COMPLETED);
        assertThat(matches.findByLead(second).blockFirst().ambassadorId()).isEqualTo(larry);
        assertThat(ambassadors.findById(larry).block().activeMatches()).isEqualTo(1);
        ambassadors.changeStatus(larry, AmbassadorStatus.RETIRED, Clock.systemUTC().instant()).block();
        assertThat(matches.findHeldByRetiredAmbassadors().collectList().block()).hasSize(1);
        assertThat(seekers.findWaitlisted(10).collectList().block()).isEmpty();
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

        consumers.inTransaction(() -> leads.reviewFoundCandidate(cause(lead), lead,
                MatchTarget.of(Condition.COMPRESSION_FRACTURE, Procedure.KYPHOPLASTY)));
        assertThat(matches.findByLead(lead).collectList().block()).isEmpty();
        submitted(facts(lead));

        Match match = matches.findByLead(lead).blockFirst();
        assertThat(match.ambassadorId()).isEqualTo(kyphoplasty);
        assertThat(match.sharedProcedure()).isEqualTo(Procedure.KYPHOPLASTY);
    }

    @Test
    void aPollOfLeadsIsMatchedInItsOrderAndALeadThatComesTwiceOnce() {
        UUID sameProcedure = UUID.randomUUID();
        UUID sameCondition = UUID.randomUUID();
        for (UUID id : List.of(sameProcedure, sameCondition)) {
            ambassadors.insert(new Ambassador(id, id == sameProcedure ? "Maria" : "Tom", "K", Condition.HERNIATED_DISC,
                    id == sameProcedure ? Procedure.MICRODISCECTOMY : Procedure.SPINAL_FUSION, 2022, AgeBand.AGE_60_69,
                    Gender.MALE, Set.of("en"), "TX", "America/Chicago", ContactMode.PHONE, 1, 0,
                    AmbassadorStatus.ACTIVE, LocalDate.of(2022, 1, 1), null), Clock.systemUTC().instant()).block();
        }
        List<LeadFacts> poll = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            poll.add(new LeadFacts(UUID.randomUUID().toString(), true, true,
                    MatchTarget.of(Condition.HERNIATED_DISC, Procedure.MICRODISCECTOMY),
                    new SeekerProfile(AgeBand.AGE_60_69, "en", "TX", "787", "America/Chicago", GenderPreference.NO_PREFERENCE)));
        }
        poll.add(poll.get(1));

        consumers.inTransaction(() -> leads.leadsSubmitted(
                poll.stream().map(lead -> new LeadMatching.Arrival(cause(lead.leadId()), lead)).toList()));

        assertThat(matches.findByLead(poll.get(0).leadId()).single().block().ambassadorId()).isEqualTo(sameProcedure);
        assertThat(matches.findByLead(poll.get(1).leadId()).single().block().ambassadorId()).isEqualTo(sameCondition);
        assertThat(seekers.find(poll.get(2).leadId()).block().state()).isEqualTo(SeekerState.WAITLISTED);
        assertThat(ambassadors.findById(sameProcedure).block().activeMatches()).isEqualTo(1);
        assertThat(ambassadors.findById(sameCondition).block().activeMatches()).isEqualTo(1);
        assertThat(db.sql("select count(*) as n from outbox_event where record_key in (:leads)")
                .bind("leads", poll.stream().map(LeadFacts::leadId).distinct().toList())
                .map(r -> r.get("n", Long.class)).one().block())
                .as("proposed, proposed, wait-listed; the lead that came twice is reported once").isEqualTo(3L);
    }

    @Test
    void aPollsRoundTakesAnAmbassadorsSlotsAllOrNone() {
        UUID sciatica = UUID.randomUUID();
        ambassadors.insert(new Ambassador(sciatica, "Ann", "B", Condition.SCIATICA, Procedure.MICRODISCECTOMY, 2020,
                AgeBand.AGE_60_69, Gender.FEMALE, Set.of("en"), "TX", "America/Chicago", ContactMode.PHONE, 2, 0,
                AmbassadorStatus.ACTIVE, LocalDate.of(2022, 1, 1), null), Clock.systemUTC().instant()).block();
        JdbcAmbassadors slots = new JdbcAmbassadors(consumers);

        assertThat(consumers.inTransaction(() -> slots.takeSlots(sciatica, 3, Clock.systemUTC().instant()))).isFalse();
        assertThat(ambassadors.findById(sciatica).block().activeMatches()).isZero();
        assertThat(consumers.inTransaction(() -> slots.takeSlots(sciatica, 2, Clock.systemUTC().instant()))).isTrue();
        assertThat(ambassadors.findById(sciatica).block().activeMatches()).isEqualTo(2);
    }

    @AfterAll
    static void closePool() {
        consumers.close();
    }

    /** The lead arrives as a poll of its own would bring it: in a JDBC transaction, with an event as its cause. */
    private static void submitted(LeadFacts lead) {
        consumers.inTransaction(() -> leads.leadsSubmitted(List.of(new LeadMatching.Arrival(cause(lead.leadId()), lead))));
    }

    private static Event<String> cause(String leadId) {
        return new Event<>(leadId, leadId, UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null);
    }

    private static LeadFacts facts(String leadId) {
        return new LeadFacts(leadId, true, true, MatchTarget.of(Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY),
                new SeekerProfile(AgeBand.AGE_60_69, "en", "TX", "787", "America/Chicago", GenderPreference.NO_PREFERENCE));
    }
}
