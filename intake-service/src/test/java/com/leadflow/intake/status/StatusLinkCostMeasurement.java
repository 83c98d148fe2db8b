package com.leadflow.intake.status;

import static org.awaitility.Awaitility.await;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.intake.submit.SubmissionCostMeasurement;
import com.leadflow.test.IdentityProviderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * By hand, not part of the suite (its name is no test's): the CPU intake spends per
 * {@code GET /api/status-links/{id}}, outreach's one request per lead of the benchmark's mix, asked with
 * one outreach token for every request as outreach's sender does until the token nears its expiry.
 * Requests are paced at {@code -Drate} a second (default 60) over {@code -Dleads} leads submitted first
 * (default 300, not measured). The client is the JDK's HttpClient (threads of its own); the split by
 * thread is {@link SubmissionCostMeasurement}'s. Run: {@code ./mvnw -B -ntp -o -q -pl intake-service -am
 * verify -Dtest=StatusLinkCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dlinks=2400} (add
 * {@code -Djfr=/tmp/links.jfr} for a profile of the measured runs) and read its output file.
 *
 * <p>Measured 2026-12-02 (ninth session) on the shared machine, in us of CPU per call; "before" checks the
 * token's RSA signature on every call, "after" remembers a verified token until it expires
 * ({@code RememberedJwtDecoder}). The first pair ran with {@code -Djfr} (load average 5-7), the second
 * without, back to back (load average 5-19). The untouched workers moved with the machine, so read the
 * HTTP loop against them too; in the JFR profiles nimbus's frames went from 15.8% of the loop's samples to none.
 * <pre>
 *                                 HTTP loop  workers     HTTP loop  workers
 *                                   before    before       after     after
 * with JFR, 2nd warm-up              2142      1031         1366       744
 * with JFR, paced                    3553      1903         1541       887
 * with JFR, paced again              1779       919          922       507
 * without, 2nd warm-up               1812       990         1654       971
 * without, paced                     1735       914         1400       780
 * without, paced again               1538       772         1280       647
 * </pre>
 */
@IntakeIntegrationTest
class StatusLinkCostMeasurement {

    private static final int LINKS = Integer.getInteger("links", 2400);
    private static final int LEADS = Integer.getInteger("leads", 300);
    private static final int RATE = Integer.getInteger("rate", 60);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void cpuPerStatusLink() throws Exception {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(Submissions.submit(http, LeadJson.valid()).get("leadId"));
        }
        String token = IdentityProviderServer.get().tokenFor("OUTREACH");
        run("warm-up", leads, token);
        run("warm-up, again", leads, token);
        String jfr = System.getProperty("jfr");
        try (Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"))) {
            if (recording != null) {
                recording.start();
            }
            run("paced " + RATE + "/s", leads, token);
            run("paced " + RATE + "/s, again", leads, token);
            if (recording != null) {
                recording.dump(Path.of(jfr));
            }
        }
    }

    private void run(String name, List<String> leads, String token) throws Exception {
        ConcurrentLinkedQueue<CompletableFuture<HttpResponse<String>>> answers = new ConcurrentLinkedQueue<>();
        Map<Long, SubmissionCostMeasurement.Sample> before = SubmissionCostMeasurement.threads();
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            pacer.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n < LINKS) {
                    answers.add(link(leads.get(n % leads.size()), token));
                }
            }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
            await().atMost(Duration.ofSeconds(LINKS / RATE + 60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> sent.get() >= LINKS);
        } finally {
            pacer.shutdownNow();
        }
        int ok = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            if (answer.get(60, TimeUnit.SECONDS).statusCode() == 200) {
                ok++;
            }
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Map<Long, SubmissionCostMeasurement.Sample> after = SubmissionCostMeasurement.threads();
        Map<String, Long> byPart = new TreeMap<>();
        after.forEach((id, sample) -> {
            SubmissionCostMeasurement.Sample earlier = before.get(id);
            long cpu = sample.cpuNanos() - (earlier == null ? 0 : earlier.cpuNanos());
            byPart.merge(SubmissionCostMeasurement.part(sample.name()), cpu, Long::sum);
        });
        long service = byPart.entrySet().stream().filter(part -> !part.getKey().startsWith("~"))
                .mapToLong(Map.Entry::getValue).sum();
        StringBuilder report = new StringBuilder();
        byPart.entrySet().removeIf(part -> part.getValue() / 1000 / LINKS < 3);
        byPart.forEach((part, cpu) -> report.append(String.format("  %-44s %6d us/link%n", part, cpu / 1000 / LINKS)));
        System.out.printf("COST %s: %d links (%d answered 200) in %d ms; the service's threads %d us CPU per link%n%s",
                name, LINKS, ok, wallMs, service / 1000 / LINKS, report);
    }

    private CompletableFuture<HttpResponse<String>> link(String leadId, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status-links/" + leadId))
                .header("Authorization", "Bearer " + token).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
