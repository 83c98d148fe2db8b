package com.leadflow.outreach.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.outreach.TestLeads;
import com.leadflow.outreach.compose.Composer;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.email.EmailGateway;
import com.leadflow.outreach.kit.KitPdf;
import com.leadflow.outreach.link.AccessTokens;
import com.leadflow.outreach.link.StatusLinks;
import com.leadflow.outreach.message.Messages;
import com.leadflow.outreach.message.OutreachPlanner;
import com.leadflow.outreach.message.StatusReports;
import com.leadflow.outreach.optout.Suppressions;
import com.leadflow.outreach.recipient.Consent;
import com.leadflow.outreach.recipient.Recipients;
import com.leadflow.outreach.sms.SimulatedSmsGateway;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.outbox.OutboxRelaySignal;
import io.r2dbc.spi.ConnectionFactories;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.flywaydb.core.Flyway;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What outreach's JDBC paths cost per message against the local PostgreSQL, from one thread as the
 * listener and the sender run them: a consumer's poll of 20 submitted leads (recipients, messages),
 * and the sender working the messages those leads call for, in batches of 20 and of 1 (the shape a
 * message had when the sender went one by one), texts to the simulated gateway so that no mail
 * server is in the numbers. Then the SMTP side alone: 20 emails to an in-process GreenMail, one
 * connection each against one connection for all 20 (a batch's {@code EmailGateway.Connection}). Not a test:
 * run it by hand ({@code java -cp <test classpath> ...SenderCostMeasurement}); it reports client CPU
 * (this thread), the PostgreSQL backend's CPU (from /proc, PostgreSQL on this machine) and wall
 * time, per message, the median of its rounds.
 */
public final class SenderCostMeasurement {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 7);
        int leads = Integer.getInteger("leads", 200);
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = "sender_cost_" + Long.toHexString(System.nanoTime());
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("create schema " + schema);
        }
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        DatabaseClient db = DatabaseClient.create(ConnectionFactories.get(
                "r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=" + schema));
        try (ConsumerDatabase database = ConsumerDatabase.of(new MockEnvironment()
                .withProperty("spring.flyway.url", jdbcUrl).withProperty("spring.flyway.user", "postgres")
                .withProperty("spring.flyway.default-schema", schema), "measurement", 2)) {
            OutreachProperties properties = properties();
            Messages messages = new Messages(db, database);
            Recipients recipients = new Recipients(db, database);
            StatusReports reports = new StatusReports(new Outbox(db, database, new OutboxRelaySignal()), CLOCK);
            Consent consent = new Consent(Set.of(TestLeads.TEXT_DISCLOSURE));
            OutreachPlanner planner = new OutreachPlanner(recipients, messages, reports, consent, CLOCK);
            Dispatch dispatch = new Dispatch(new Composer(properties.practice()), new KitPdf(properties.practice()),
                    new EmailGateway(new JavaMailSenderImpl(), "care@leadflow.example"), new SimulatedSmsGateway(CLOCK),
                    StatusLinks.none(), properties);
            Delivery delivery = new Delivery(messages, recipients, new Suppressions(db, database), consent,
                    new SendingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0)), dispatch, new AccessTokens(db, database),
                    reports, database, properties, CLOCK);
            int pid = database.inTransaction(() -> database.jdbc().sql("select pg_backend_pid()").query(Integer.class).single());

            List<double[]> plan = new ArrayList<>();
            List<double[]> batch20 = new ArrayList<>();
            List<double[]> batch1 = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                for (int size : round % 2 == 0 ? new int[] {20, 1} : new int[] {1, 20}) {
                    double[] planned = measure(pid, () -> {
                        for (int i = 0; i < leads; i += 20) {
                            List<Event<LeadSubmitted>> poll = new ArrayList<>();
                            for (int j = 0; j < 20; j++) {
                                poll.add(event(TestLeads.lead(null, TestLeads.phone(), List.of(ServiceType.CALL_BACK))
                                        .build()));
                            }
                            database.inTransaction(() -> planner.leadsSubmitted(poll));
                        }
                        return leads;
                    });
                    double[] delivered = measure(pid, () -> {
                        int sent = 0;
                        while (delivery.deliverDue(size)) {
                            sent += size;
                        }
                        return Math.max(sent, 1);
                    });
                    if (round > 0) {
                        plan.add(planned);
                        (size == 20 ? batch20 : batch1).add(delivered);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "per message (µs, median)", "client", "backend", "wall");
            print("consumer poll of 20 leads, per lead", plan);
            print("sender, batches of 20", batch20);
            print("sender, batches of 1", batch1);
            smtp(rounds, properties);
        } finally {
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** 20 emails over 20 connections (as EmailGateway sends them) against 20 over one. */
    private static void smtp(int rounds, OutreachProperties properties) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(port);
            EmailGateway gateway = new EmailGateway(mail, "care@leadflow.example");
            Composer composer = new Composer(properties.practice());
            List<double[]> each = new ArrayList<>();
            List<double[]> shared = new ArrayList<>();
            for (int round = 0; round <= rounds * 3; round++) {
                List<Email> emails = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    var to = com.leadflow.outreach.recipient.LeadRecipients.of(TestLeads.lead(TestLeads.email(), null,
                            List.of(ServiceType.CALL_BACK)).build());
                    emails.add(composer.email(com.leadflow.outreach.message.MessageKind.CONFIRMATION, to,
                            "http://localhost/unsubscribe/x", null, null, UUID.randomUUID()));
                }
                double[] one = measure(-1, () -> {
                    emails.forEach(gateway::send); // a connection each, as before the sender's batches
                    return emails.size();
                });
                double[] all = measure(-1, () -> {
                    try (EmailGateway.Connection connection = gateway.connection()) {
                        emails.forEach(connection::send);
                    }
                    return emails.size();
                });
                if (round > 0) {
                    each.add(one);
                    shared.add(all);
                }
            }
            print("email, a connection each", each);
            print("email, one connection for 20", shared);
        } finally {
            server.stop();
        }
    }

    private static OutreachProperties properties() {
        return new OutreachProperties(
                new OutreachProperties.Practice("Practice", "877.000.0000", "1 Main St, Dallas, TX 75201",
                        URI.create("http://localhost:8086"), "care@leadflow.example"),
                List.of(TestLeads.TEXT_DISCLOSURE), new OutreachProperties.QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0)),
                new OutreachProperties.Delivery(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(30),
                        Duration.ofHours(1), 8, Duration.ofDays(30)),
                new OutreachProperties.Sms("simulated", "+18770000000", null, null, null), null, null);
    }

    /** @return client µs, backend µs and wall µs per unit of work ({@code work} returns the units) */
    private static double[] measure(int pid, IntSupplier work) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long backend0 = backendCpuNanos(pid);
        long wall0 = System.nanoTime();
        int units = work.getAsInt();
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long backend = backendCpuNanos(pid) - backend0;
        return new double[] {cpu / 1e3 / units, backend / 1e3 / units, wall / 1e3 / units};
    }

    private static long backendCpuNanos(int pid) {
        if (pid < 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(String name, List<double[]> samples) {
        double[] median = new double[3];
        for (int k = 0; k < 3; k++) {
            int column = k;
            median[k] = samples.stream().mapToDouble(s -> s[column]).sorted().toArray()[samples.size() / 2];
        }
        System.out.printf(Locale.ROOT, "%-44s %10.0f %10.0f %10.0f%n", name, median[0], median[1], median[2]);
    }

    private static <V> Event<V> event(V value) {
        return new Event<>("key", value, UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null);
    }
}
