package com.leadflow.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.schemas.Topics;
import com.leadflow.test.ApicurioRegistryServer;
import com.leadflow.test.MutableClock;
import com.leadflow.test.PostgresTestDatabase;
import com.leadflow.test.TopicProbe;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * STOP by text and the unsubscribe link of an email each stop every later message to that
 * person, and that holds after the service restarts: the suppression list is in the database.
 */
@EmbeddedKafka(partitions = 2)
class OptOutSurvivesRestartTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String MESSAGES = "/2010-04-01/Accounts/AC9/Messages.json";
    static final String TOKEN = "restart-test-token";

    static GreenMail smtp;
    static WireMockServer sms;
    static int smtpPort;
    final String schema = PostgresTestDatabase.newSchema("outreach");
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T18:00:00Z"));

    @BeforeAll
    static void gateways() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sms = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        sms.start();
        sms.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SM9\"}")));
    }

    @AfterAll
    static void stopGateways() {
        smtp.stop();
        sms.stop();
    }

    @Test
    void stopAndUnsubscribeEachStopEveryLaterMessageAndThatSurvivesARestart(EmbeddedKafkaBroker broker) throws Exception {
        String phone = TestLeads.phone();
        String email = TestLeads.email();
        try (TopicProbe<LeadStatusChanged> status = TopicProbe.of(broker.getBrokersAsString(), Topics.LEADS_STATUS)) {
            LeadSubmitted texted = TestLeads.kitLead(null, phone);
            LeadSubmitted emailed = TestLeads.lead(email, null, List.of(ServiceType.CALL_BACK)).build();
            String unsubscribe;
            try (ConfigurableApplicationContext first = start(broker)) {
                KafkaTemplate<String, Object> kafka = kafka(first);
                send(kafka, texted);
                send(kafka, emailed);
                Awaitility.await().atMost(WAIT).until(() -> texts(phone) == 1 && mailTo(email).size() == 1);
                unsubscribe = mailTo(email).get(0).getHeader("List-Unsubscribe")[0].replaceAll("^<http://[^/]+|>$", "");

                WebTestClient http = http(first);
                http.post().uri("/sms/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("From", phone).with("Body", "Stop "))
                        .exchange().expectStatus().isForbidden();
                http.post().uri("/sms/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("X-Twilio-Signature", signature(phone, "Stop "))
                        .body(BodyInserters.fromFormData("From", phone).with("Body", "Stop "))
                        .exchange().expectStatus().isOk();
                http.get().uri(unsubscribe).exchange().expectStatus().isOk()
                        .expectBody(String.class).value(page -> assertThat(page).contains("Yes, stop all messages"));
                http.post().uri(unsubscribe).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click"))
                        .exchange().expectStatus().isOk()
                        .expectBody(String.class).value(page -> assertThat(page).contains("You will get no more emails or texts"));
                await(status, texted, LeadStatus.OPTED_OUT);
                await(status, emailed, LeadStatus.OPTED_OUT);
            }

            try (ConfigurableApplicationContext second = start(broker)) {
                KafkaTemplate<String, Object> kafka = kafka(second);
                LeadSubmitted textedAgain = TestLeads.kitLead(null, phone);
                LeadSubmitted emailedAgain = TestLeads.kitLead(email, null);
                send(kafka, textedAgain);
                send(kafka, emailedAgain);

                assertThat(await(status, textedAgain, LeadStatus.INFO_KIT_NOT_SENT).getSummary())
                        .isEqualTo("Info kit by text message not sent: the visitor replied STOP");
                assertThat(await(status, emailedAgain, LeadStatus.INFO_KIT_NOT_SENT).getSummary())
                        .isEqualTo("Info kit by email not sent: the visitor unsubscribed");
                assertThat(texts(phone)).isEqualTo(1);
                assertThat(mailTo(email)).hasSize(1);
            }
        }
    }

    private ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("spring.kafka.bootstrap-servers", broker.getBrokersAsString()),
                Map.entry("leadflow.kafka.registry-url", ApicurioRegistryServer.get().registryUrl()),
                Map.entry("leadflow.database.url", PostgresTestDatabase.jdbcUrl()),
                Map.entry("leadflow.database.username", PostgresTestDatabase.user()),
                Map.entry("leadflow.database.password", PostgresTestDatabase.password()),
                Map.entry("leadflow.database.schema", schema),
                Map.entry("spring.r2dbc.pool.initial-size", "1"),
                Map.entry("spring.r2dbc.pool.max-size", "4"),
                Map.entry("spring.mail.port", String.valueOf(smtpPort)),
                Map.entry("leadflow.outreach.sms.gateway", "http"),
                Map.entry("leadflow.outreach.sms.base-url", sms.baseUrl()),
                Map.entry("leadflow.outreach.sms.account-sid", "AC9"),
                Map.entry("leadflow.outreach.sms.auth-token", TOKEN),
                Map.entry("leadflow.outreach.delivery.poll-every", "200ms"));
        // as arguments: they must win over the platform's defaults, as a deployment's settings do
        return new SpringApplicationBuilder(OutreachApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static String signature(String from, String body) {
        return com.leadflow.outreach.optout.TestSignatures.sign(TOKEN, "http://localhost:8086/sms/inbound",
                Map.of("From", List.of(from), "Body", List.of(body)));
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, Object> kafka(ConfigurableApplicationContext context) {
        return context.getBean(KafkaTemplate.class);
    }

    private static WebTestClient http(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private static void send(KafkaTemplate<String, Object> kafka, LeadSubmitted lead) {
        kafka.send(TestLeads.record(Topics.LEADS_SUBMITTED, lead.getLeadId(), lead, UUID.randomUUID().toString())).join();
    }

    private static LeadStatusChanged await(TopicProbe<LeadStatusChanged> status, LeadSubmitted lead, LeadStatus wanted) {
        return status.await(r -> r.value() != null && r.value().getLeadId().equals(lead.getLeadId())
                && r.value().getStatus() == wanted, WAIT).value();
    }

    private static int texts(String phone) {
        return (int) sms.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .filter(request -> request.getBodyAsString().contains("To=%2B" + phone.substring(1))).count();
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
