package com.leadflow.outreach.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.leadflow.events.ServiceType;
import com.leadflow.outreach.TestLeads;
import com.leadflow.outreach.compose.Composer;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.email.EmailGateway;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.recipient.LeadRecipients;
import com.leadflow.outreach.recipient.Recipient;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What the local stack's mail server costs the JVM it runs in, as mail accumulates: emails as the
 * benchmark's leads get them (a confirmation and three notes per visitor, each visitor an address of
 * their own, written by the real {@link Composer}) sent in batches of 20 over one connection each
 * ({@link EmailGateway.Connection}, as the sender does) to the server in this JVM, either GreenMail as
 * it was ({@code -Dserver=greenmail}: keeps everything) or {@link LocalMailServer} with its bound
 * ({@code -Dserver=bounded -Dkeep=500}). After every {@code -Dchunk} emails it reports the process's
 * CPU per email in that chunk (all threads: sender, GreenMail's SMTP thread, the collector), the
 * collector's share of it, and the live heap after a full collection. Not a test: run it by hand, as
 * the services run, {@code java -Xmx256m -XX:+UseSerialGC -cp <test classpath>
 * com.leadflow.outreach.local.LocalMailMemoryMeasurement}.
 *
 * <p>2026-12-02, this machine (2 cores, load average 5-9 from other engineers), JDK 17, 24,000 emails,
 * per chunk of 2,000: CPU µs per email (collector's part), live heap MB after a full collection:
 * <pre>
 * emails     greenmail (as it was)      bounded, keep 500
 *  2,000     3540 (63)     41.3         4395 (94)     27.3
 *  8,000      785 (35)     99.6          760 (28)     27.8
 * 14,000      715 (36)    158.6          670 (26)     37.4
 * 16,000      835 (271)   177.9          745 (27)     29.7
 * 18,000     1685 (1350)  197.2          620 (27)     34.6
 * 20,000     2090 (1859)  216.1          650 (28)     38.4
 * 22,000     3810 (4232)  236.2          595 (37)     38.9
 * 24,000     out of memory               610 (30)     30.8
 * </pre>
 */
public final class LocalMailMemoryMeasurement {

    private static final MessageKind[] A_LEADS_EMAILS = {
        MessageKind.CONFIRMATION, MessageKind.REVIEW_DONE, MessageKind.INSURANCE_CHECKED, MessageKind.PAST_PATIENT_FOUND};

    public static void main(String[] args) throws Exception {
        int emails = Integer.getInteger("emails", 8000);
        int chunk = Integer.getInteger("chunk", 1000);
        boolean bounded = "bounded".equals(System.getProperty("server", "bounded"));
        int keep = Integer.getInteger("keep", 500);
        int smtpPort = freePort();
        int imapPort = freePort();
        AutoCloseable server;
        if (bounded) {
            LocalMailServer local = new LocalMailServer(smtpPort, imapPort, keep);
            server = local::destroy;
        } else {
            com.leadflow.outreach.email.MailProviders.named();
            GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            greenMail.start();
            server = greenMail::stop;
        }
        try (server) {
            Composer composer = new Composer(new OutreachProperties.Practice("North American Spine", "877.474.2225",
                    "10000 N. Central Expressway, Suite 1000, Dallas, TX 75231", URI.create("http://localhost:8086"),
                    "care@leadflow.example"));
            EmailGateway gateway = new EmailGateway(sender(smtpPort), "North American Spine <care@leadflow.example>");
            System.out.printf(Locale.ROOT, "server=%s, %d emails%n", bounded ? "bounded keep=" + keep : "greenmail", emails);
            System.out.printf(Locale.ROOT, "%8s %14s %14s %14s%n", "emails", "cpu µs/email", "gc µs/email", "live heap MB");
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long gc0 = gcMillis();
            Recipient visitor = null;
            for (int sent = 0; sent < emails;) {
                List<Email> batch = new ArrayList<>(20);
                for (int i = 0; i < 20 && sent + i < emails; i++) {
                    int n = sent + i;
                    if (n % A_LEADS_EMAILS.length == 0) {
                        visitor = LeadRecipients.of(TestLeads.lead(TestLeads.email(), null,
                                List.of(ServiceType.MRI_CT_REVIEW, ServiceType.INSURANCE_VERIFICATION,
                                        ServiceType.CONNECT_WITH_PAST_PATIENT)).build());
                    }
                    batch.add(composer.email(A_LEADS_EMAILS[n % A_LEADS_EMAILS.length], visitor,
                            "http://localhost:8086/unsubscribe/" + UUID.randomUUID(),
                            "http://localhost:8081/status.html#" + UUID.randomUUID(), null, UUID.randomUUID()));
                }
                try (EmailGateway.Connection connection = gateway.connection()) {
                    batch.forEach(connection::send);
                }
                sent += batch.size();
                if (sent % chunk == 0) {
                    long cpu = os.getProcessCpuTime();
                    long gc = gcMillis();
                    double live = liveHeapMb();
                    System.out.printf(Locale.ROOT, "%8d %14.0f %14.0f %14.1f%n", sent, (cpu - cpu0) / 1e3 / chunk,
                            (gc - gc0) * 1e3 / chunk, live);
                    // the full collection above is the harness's, not the chunk's
                    cpu0 = os.getProcessCpuTime();
                    gc0 = gcMillis();
                }
            }
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.localhost", "outreach.leadflow");
        mail.setJavaMailProperties(properties);
        return mail;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
