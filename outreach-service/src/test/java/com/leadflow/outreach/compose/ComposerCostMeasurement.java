package com.leadflow.outreach.compose;

import com.leadflow.events.ServiceType;
import com.leadflow.outreach.TestLeads;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.recipient.LeadRecipients;
import com.leadflow.outreach.recipient.Recipient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What writing an email costs the sender's thread: the template engine rendering both parts for each
 * email ({@link Composer#emailFromTheTemplates}, as it was) against the parts rendered once and filled in
 * ({@link Composer#email}), the benchmark's four emails per visitor, rounds of each alternating in one
 * JVM. Reports the thread's CPU per email (ThreadMXBean), the median and spread of the rounds after the
 * first few (the JIT's). Not a test: run it by hand, {@code java -Xmx256m -XX:+UseSerialGC -cp <test classpath>
 * com.leadflow.outreach.compose.ComposerCostMeasurement}.
 *
 * <p>2026-12-02, this machine (2 cores, load average 7-9 from other engineers), JDK 17, µs per email,
 * median (min-max) of the rounds:
 * <pre>
 *                                   templates per email     rendered once, filled in
 * 25 rounds of 400, C1 and C2        73.4 (51-93)            3.7 (3.3-6.0)
 * the same again                     70.4 (60-108)           3.7 (3.4-7.3)
 * 35 rounds of 20 (less warm)       135.5 (90-358)          12.7 (5.5-36.5)
 * 25 rounds of 400, C1 only          64.9 (61-78)            4.4 (4.2-6.6)
 * </pre>
 */
public final class ComposerCostMeasurement {

    private static final MessageKind[] A_LEADS_EMAILS = {
        MessageKind.CONFIRMATION, MessageKind.REVIEW_DONE, MessageKind.INSURANCE_CHECKED, MessageKind.PAST_PATIENT_FOUND};

    private interface Writer {
        Email write(MessageKind kind, Recipient to, String unsubscribeUrl, String statusUrl);
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("rounds", 30);
        int perRound = Integer.getInteger("emails", 400);
        int warm = 5;
        Composer composer = new Composer(new OutreachProperties.Practice("North American Spine", "877.474.2225",
                "10000 N. Central Expressway, Suite 1000, Dallas, TX 75231", URI.create("http://localhost:8086"),
                "care@leadflow.example"));
        List<Recipient> visitors = new ArrayList<>();
        for (int i = 0; i < perRound / A_LEADS_EMAILS.length; i++) {
            visitors.add(LeadRecipients.of(TestLeads.lead(TestLeads.email(), null, List.of(ServiceType.MRI_CT_REVIEW,
                    ServiceType.INSURANCE_VERIFICATION, ServiceType.CONNECT_WITH_PAST_PATIENT)).build()));
        }
        List<Double> templates = new ArrayList<>();
        List<Double> filled = new ArrayList<>();
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            double a = measure(visitors, (k, to, u, s) -> composer.emailFromTheTemplates(k, to, u, s, null, UUID.randomUUID()));
            double b = measure(visitors, (k, to, u, s) -> composer.email(k, to, u, s, null, UUID.randomUUID()));
            if (round >= warm) {
                templates.add(a);
                filled.add(b);
            }
        }
        System.out.printf(Locale.ROOT, "µs of CPU per email, %d rounds of %d (after %d warm-up rounds)%n",
                rounds - warm, perRound, warm);
        print("templates rendered per email", templates);
        print("rendered once, filled in", filled);
    }

    private static double measure(List<Recipient> visitors, Writer writer) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        int written = 0;
        for (Recipient to : visitors) {
            for (MessageKind kind : A_LEADS_EMAILS) {
                Email email = writer.write(kind, to, "http://localhost:8086/unsubscribe/" + UUID.randomUUID(),
                        "http://localhost:8081/status.html#" + UUID.randomUUID());
                if (email.html().isEmpty()) {
                    throw new IllegalStateException("an empty email");
                }
                written++;
            }
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / written;
    }

    private static void print(String name, List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-32s median %7.1f  (min %7.1f, max %7.1f)%n", name, sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1]);
    }
}
