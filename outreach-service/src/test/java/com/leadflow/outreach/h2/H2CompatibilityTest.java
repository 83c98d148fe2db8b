package com.leadflow.outreach.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Reporter;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.outreach.TestLeads;
import com.leadflow.outreach.compose.Composer;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.delivery.Delivery;
import com.leadflow.outreach.delivery.Dispatch;
import com.leadflow.outreach.delivery.SendingWindow;
import com.leadflow.outreach.email.EmailGateway;
import com.leadflow.outreach.kit.KitPdf;
import com.leadflow.outreach.link.AccessTokens;
import com.leadflow.outreach.link.Addresses;
import com.leadflow.outreach.link.StatusLinks;
import com.leadflow.outreach.message.Messages;
import com.leadflow.outreach.message.OutreachPlanner;
import com.leadflow.outreach.message.StatusReports;
import com.leadflow.outreach.optout.Suppressions;
import com.leadflow.outreach.recipient.Channel;
import com.leadflow.outreach.recipient.Consent;
import com.leadflow.outreach.recipient.Recipients;
import com.leadflow.outreach.sms.SimulatedSmsGateway;
import com.leadflow.outreach.sms.SmsGateway;
import com.leadflow.outreach.delivery.SendResult;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.outbox.OutboxRelaySignal;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/**
 * The local stack runs outreach on embedded H2 in PostgreSQL mode; these scenarios run its JDBC paths
 * (a consumer's poll, a sender's batch) on it without a Spring context, so SQL that only PostgreSQL
 * accepts is caught in seconds. Texts go to the simulated gateway; no mail server is needed.
 */
class H2CompatibilityTest {

    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    /** Noon in Dallas: no quiet hours in the way. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);

    private ConsumerDatabase database;
    private Recipients recipients;
    private Suppressions suppressions;
    private OutreachPlanner planner;
    private Delivery delivery;
    private SimulatedSmsGateway sms;
    /** Numbers the gateway refuses outright, as a carrier refuses a number that does not exist. */
    private final Set<String> refused = new java.util.HashSet<>();
    private final List<String> tried = new java.util.ArrayList<>();

    @BeforeEach
    void migrate() {
        String name = "outreach_" + UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:h2:mem:" + name + OPTIONS;
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        var db = org.springframework.r2dbc.core.DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:h2:mem:///" + name + OPTIONS).mutate()
                .option(ConnectionFactoryOptions.USER, "sa").option(ConnectionFactoryOptions.PASSWORD, "").build()));
        database = ConsumerDatabase.of(new MockEnvironment().withProperty("spring.flyway.url", url)
                .withProperty("spring.flyway.user", "sa"), "h2-test", 2);
        OutreachProperties properties = new OutreachProperties(
                new OutreachProperties.Practice("Practice", "877.000.0000", "1 Main St, Dallas, TX 75201",
                        URI.create("http://localhost:8086"), "care@leadflow.example"),
                List.of(TestLeads.TEXT_DISCLOSURE), new OutreachProperties.QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0)),
                new OutreachProperties.Delivery(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(30),
                        Duration.ofHours(1), 8, Duration.ofDays(30)),
                new OutreachProperties.Sms("simulated", "+18770000000", null, null, null), null, null);
        Messages messages = new Messages(db, database);
        recipients = new Recipients(db, database);
        suppressions = new Suppressions(db, database);
        StatusReports reports = new StatusReports(new Outbox(db, database, new OutboxRelaySignal()), CLOCK);
        Consent consent = new Consent(Set.of(TestLeads.TEXT_DISCLOSURE));
        planner = new OutreachPlanner(recipients, messages, reports, consent, CLOCK);
        sms = new SimulatedSmsGateway(CLOCK);
        SmsGateway gateway = (to, body, messageId) -> {
            tried.add(to);
            return refused.contains(to) ? new SendResult.Permanent("the number does not exist", true)
                    : sms.send(to, body, messageId);
        };
        Dispatch dispatch = new Dispatch(new Composer(properties.practice()), new KitPdf(properties.practice()),
                new EmailGateway(new JavaMailSenderImpl(), "care@leadflow.example"), gateway, StatusLinks.none(),
                properties);
        delivery = new Delivery(messages, recipients, suppressions, consent,
                new SendingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0)), dispatch,
                new AccessTokens(db, database), reports, database, properties, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aPollOfLeadsPlansEachMessageOnceAndTheSenderDeliversThemInABatch() {
        String suppressedPhone = TestLeads.phone();
        LeadSubmitted kit = TestLeads.kitLead(null, TestLeads.phone());
        LeadSubmitted confirmation = TestLeads.lead(null, TestLeads.phone(), List.of(ServiceType.CALL_BACK)).build();
        LeadSubmitted optedOut = TestLeads.lead(null, suppressedPhone, List.of(ServiceType.CALL_BACK)).build();
        List<Event<LeadSubmitted>> poll = List.of(event(kit), event(confirmation), event(optedOut));

        database.inTransaction(() -> planner.leadsSubmitted(poll));
        // the same leads again (another event id each): nothing more to send
        database.inTransaction(() -> planner.leadsSubmitted(List.of(event(kit), event(confirmation))));
        var stage = TestLeads.status(kit.getLeadId(), Reporter.REVIEW, Stage.REVIEW, LeadStatus.REVIEW_COMPLETED);
        String early = UUID.randomUUID().toString();
        var beforeItsLead = TestLeads.status(early, Reporter.REVIEW, Stage.REVIEW, LeadStatus.REVIEW_COMPLETED);
        database.inTransaction(() -> planner.statusesChanged(List.of(event(stage), event(beforeItsLead))));

        assertThat(recipients.findAll(List.of(UUID.fromString(kit.getLeadId()), UUID.fromString(early))))
                .containsOnlyKeys(UUID.fromString(kit.getLeadId()));
        database.inTransaction(() -> suppressions.add(new Suppressions.Address(Channel.TEXT,
                Addresses.hash(Channel.TEXT, suppressedPhone)), Suppressions.Reason.STOP, CLOCK.instant()));

        while (delivery.deliverDue(20)) {
            // the kit lead's note waits for the batch after its kit, to the same number
        }
        assertThat(states()).containsExactlyInAnyOrder(
                kit.getLeadId() + " INFO_KIT SENT", kit.getLeadId() + " " + noteKind() + " SENT",
                confirmation.getLeadId() + " CONFIRMATION SENT", optedOut.getLeadId() + " CONFIRMATION SUPPRESSED",
                early + " " + noteKind() + " PENDING");
        assertThat(sms.sent()).hasSize(3);
        assertThat(count("select count(*) from access_token")).as("the kit's download link").isEqualTo(1);
        assertThat(count("select count(*) from outbox_event")).as("sent, sent, sent, suppressed").isEqualTo(4);
        assertThat(count("select count(*) from message where leased_until is not null and state = 'SENT'")).isZero();
    }

    @Test
    void aNumberRefusedInABatchIsNotTriedAgainForTheNextMessageToIt() {
        String shared = TestLeads.phone();
        refused.add(shared);
        LeadSubmitted first = TestLeads.lead(null, shared, List.of(ServiceType.CALL_BACK)).build();
        LeadSubmitted second = TestLeads.lead(null, shared, List.of(ServiceType.CALL_BACK)).build();
        database.inTransaction(() -> planner.leadsSubmitted(List.of(event(first), event(second))));

        while (delivery.deliverDue(20)) {
            // the second message waits for the batch after the first, to the same number
        }

        // as when messages went one by one: the refusal suppressed the number before the second was tried
        assertThat(tried).containsExactly(shared);
        assertThat(states()).extracting(state -> state.substring(state.indexOf(' ') + 1))
                .containsExactlyInAnyOrder("CONFIRMATION FAILED", "CONFIRMATION SUPPRESSED");
        assertThat(database.jdbc().sql("select reason from message where state = 'SUPPRESSED'").query(String.class)
                .single()).isEqualTo(Suppressions.Reason.UNDELIVERABLE.words());
        assertThat(count("select count(*) from suppression where reason = 'UNDELIVERABLE'")).isEqualTo(1);
    }

    private static String noteKind() {
        return com.leadflow.outreach.message.MessageKind.noteFor(LeadStatus.REVIEW_COMPLETED).orElseThrow().name();
    }

    private List<String> states() {
        return database.jdbc().sql("select lead_id, kind, state from message")
                .query((row, n) -> row.getString("lead_id") + " " + row.getString("kind") + " " + row.getString("state"))
                .list();
    }

    private long count(String sql) {
        return database.inTransaction(() -> database.jdbc().sql(sql).query(Long.class).single());
    }

    private static <V> Event<V> event(V value) {
        return new Event<>("key", value, UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null);
    }
}
