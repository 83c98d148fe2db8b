package com.leadflow.outreach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.MutableClock;
import com.leadflow.test.TopicProbe;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What outreach's integration scenarios share: one Spring context against the real broker,
 * registry and PostgreSQL; a real SMTP server (GreenMail) the service sends to; a WireMock'd
 * Twilio-style SMS API; intake's status-link API stood in for by WireMock (intake's own
 * StatusLinkForMessagesTest proves what it answers; unstubbed, it knows no lead, so messages carry
 * no link); a clock the scenarios set; a probe on {@code leads.status}.
 */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
@Import(OutreachScenario.Clocks.class)
public abstract class OutreachScenario {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String SMS_TOKEN = "test-auth-token";
    public static final String SMS_ACCOUNT = "AC123";

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = startSmtp();
    static final WireMockServer SMS = startWireMock();
    static final WireMockServer INTAKE = startWireMock();
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static TopicProbe<LeadStatusChanged> status;

    @Autowired protected WebTestClient http;
    @Autowired protected KafkaTemplate<String, Object> kafka;
    @Autowired protected DatabaseClient db;
    @Autowired org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.[mail.smtp.connectiontimeout]", () -> "2000");
        registry.add("spring.mail.properties.[mail.smtp.timeout]", () -> "2000");
        registry.add("leadflow.outreach.sms.gateway", () -> "http");
        registry.add("leadflow.outreach.sms.base-url", SMS::baseUrl);
        registry.add("leadflow.outreach.sms.account-sid", () -> SMS_ACCOUNT);
        registry.add("leadflow.outreach.sms.auth-token", () -> SMS_TOKEN);
        registry.add("leadflow.outreach.intake.url", INTAKE::baseUrl);
        // WireMock answers at once on a quiet machine; a loaded one can take seconds for its first answer
        registry.add("leadflow.outreach.intake.timeout", () -> "10s");
        registry.add("leadflow.outreach.delivery.poll-every", () -> "200ms");
        registry.add("leadflow.outreach.delivery.initial-backoff", () -> "500ms");
        registry.add("leadflow.outreach.delivery.max-backoff", () -> "1s");
        registry.add("leadflow.outreach.delivery.max-attempts", () -> "20");
    }

    @BeforeEach
    void daytimeAndProbe() {
        // a loaded 2-core machine can take longer than the client's 5 s default for one answer
        http = http.mutate().responseTimeout(WAIT).build();
        // noon in Dallas unless a scenario says otherwise: no quiet hours in the way
        CLOCK.set(Instant.parse("2026-12-01T18:00:00Z"));
        if (status == null) {
            status = TopicProbe.of(brokers, Topics.LEADS_STATUS);
            // the first scenario's clock starts once outreach's consumers have their partitions: on a
            // loaded machine the first group join alone can take most of a scenario's wait
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> listeners.getListenerContainers().stream()
                    .allMatch(container -> container.getAssignedPartitions() != null
                            && !container.getAssignedPartitions().isEmpty()));
        }
    }

    @AfterAll
    static void closeProbe() {
        if (status != null) {
            status.close();
            status = null;
        }
    }

    protected static LeadStatusChanged awaitStatus(String leadId, com.leadflow.events.LeadStatus wanted) {
        return status.await(r -> r.value() != null && r.value().getLeadId().equals(leadId)
                && r.value().getStatus() == wanted, WAIT).value();
    }

    protected static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    protected void submit(com.leadflow.events.LeadSubmitted lead) {
        submit(lead, UUID.randomUUID().toString());
    }

    protected void submit(com.leadflow.events.LeadSubmitted lead, String eventId) {
        kafka.send(TestLeads.record(Topics.LEADS_SUBMITTED, lead.getLeadId(), lead, eventId)).join();
    }

    protected void report(LeadStatusChanged change) {
        kafka.send(TestLeads.record(Topics.LEADS_STATUS, change.getLeadId(), change, UUID.randomUUID().toString())).join();
    }

    static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
