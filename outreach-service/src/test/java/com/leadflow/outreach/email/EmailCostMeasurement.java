package com.leadflow.outreach.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.leadflow.events.ServiceType;
import com.leadflow.outreach.TestLeads;
import com.leadflow.outreach.compose.Composer;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.recipient.LeadRecipients;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What an email costs the sender's thread, by step, against an in-process GreenMail (as the local
 * stack's): writing it from the templates ({@link Composer#email}), then building its MIME message and
 * sending it over a batch's shared connection ({@link EmailGateway.Connection#send}), and opening a
 * connection for each email with and without {@code mail.smtp.localhost} (unset, Angus looks up this
 * host's name for the EHLO greeting of every new connection). Reported per email: the thread's CPU
 * (ThreadMXBean) and wall time, the median of its rounds. Not a test: run it by hand,
 * {@code java -cp outreach-service/target/test-classes:outreach-service/target/classes:<test classpath>
 * com.leadflow.outreach.email.EmailCostMeasurement}.
 *
 * <p>2026-12-01, this machine (2 cores, shared, so wall times are loose), 20 emails a round, 21
 * rounds, µs per email, CPU of the sending thread (wall):
 * <pre>
 *                                        before          a shared file type map
 * compose (templates)                     592 (2197)      625 (2286)      unchanged
 * MIME + send, shared connection         2211 (11210)     604 (6617)
 * a connection each, localhost unset     3416 (61270)    1816 (54955)
 * a connection each, localhost set       3629 (58046)    1692 (54048)
 * </pre>
 * Naming the host ({@code mail.smtp.localhost}) changed nothing measurable here: the JDK keeps this
 * host's name for 30 s once looked up, and this machine answers from /etc/hosts.
 */
public final class EmailCostMeasurement {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 21);
        int perRound = 20;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Composer composer = new Composer(new OutreachProperties.Practice("Practice", "877.000.0000",
                    "1 Main St, Dallas, TX 75201", URI.create("http://localhost:8086"), "care@leadflow.example"));
            EmailGateway unnamed = new EmailGateway(sender(port, null), "Practice <care@leadflow.example>");
            EmailGateway named = new EmailGateway(sender(port, "outreach.leadflow"), "Practice <care@leadflow.example>");
            List<double[]> composing = new ArrayList<>();
            List<double[]> shared = new ArrayList<>();
            List<double[]> eachUnnamed = new ArrayList<>();
            List<double[]> eachNamed = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                List<Email> emails = new ArrayList<>();
                double[] composed = measure(() -> {
                    for (int i = 0; i < perRound; i++) {
                        var to = LeadRecipients.of(TestLeads.lead(TestLeads.email(), null,
                                List.of(ServiceType.CALL_BACK)).build());
                        emails.add(composer.email(MessageKind.CONFIRMATION, to, "http://localhost/unsubscribe/x",
                                "http://localhost/status/y", null, UUID.randomUUID()));
                    }
                    return perRound;
                });
                double[] sent = measure(() -> {
                    try (EmailGateway.Connection connection = named.connection()) {
                        emails.forEach(connection::send);
                    }
                    return perRound;
                });
                double[] alone = measure(() -> {
                    emails.subList(0, 5).forEach(unnamed::send);
                    return 5;
                });
                double[] aloneNamed = measure(() -> {
                    emails.subList(0, 5).forEach(named::send);
                    return 5;
                });
                if (round > 0) { // the first round warms the JIT and the templates' cache
                    composing.add(composed);
                    shared.add(sent);
                    eachUnnamed.add(alone);
                    eachNamed.add(aloneNamed);
                }
                server.purgeEmailFromAllMailboxes();
            }
            System.out.printf(Locale.ROOT, "%-44s %10s %10s%n", "per email (µs, median)", "cpu", "wall");
            print("compose (templates)", composing);
            print("MIME + send, shared connection", shared);
            print("a connection each, localhost unset", eachUnnamed);
            print("a connection each, localhost set", eachNamed);
        } finally {
            server.stop();
        }
    }

    private static JavaMailSenderImpl sender(int port, String localhost) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        if (localhost != null) {
            Properties properties = new Properties();
            properties.put("mail.smtp.localhost", localhost);
            mail.setJavaMailProperties(properties);
        }
        return mail;
    }

    /** @return thread CPU µs and wall µs per unit of work ({@code work} returns the units) */
    private static double[] measure(IntSupplier work) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        int units = work.getAsInt();
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        return new double[] {cpu / 1e3 / units, wall / 1e3 / units};
    }

    private static void print(String name, List<double[]> samples) {
        double[] median = new double[2];
        for (int k = 0; k < 2; k++) {
            int column = k;
            median[k] = samples.stream().mapToDouble(s -> s[column]).sorted().toArray()[samples.size() / 2];
        }
        System.out.printf(Locale.ROOT, "%-44s %10.0f %10.0f%n", name, median[0], median[1]);
    }
}
