package com.leadflow.insurance.check;

import static com.leadflow.insurance.check.TestLeads.insurance;
import static com.leadflow.insurance.check.TestLeads.lead;
import static com.leadflow.insurance.check.TestLeads.newLeadId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadflow.events.EligibilityDetails;
import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.NetworkStatus;
import com.leadflow.events.Reporter;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Submitted leads in, status events out, against the real broker, registry and PostgreSQL, with
 * the simulated payer (member id prefixes pick its answer).
 */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class EligibilityFlowIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TopicProbe<LeadStatusChanged> status;

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    CheckStore checks;
    @Autowired
    CheckQueue checkQueue;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @AfterAll
    static void closeProbe() {
        if (status != null) {
            status.close();
        }
    }

    private synchronized TopicProbe<LeadStatusChanged> status() {
        if (status == null) {
            status = TopicProbe.of(brokers, Topics.LEADS_STATUS);
        }
        return status;
    }

    private void submit(LeadSubmitted lead, String eventId) throws Exception {
        TestLeads.submit(kafka, lead, eventId);
    }

    private String submit(LeadSubmitted lead) throws Exception {
        String eventId = UUID.randomUUID().toString();
        submit(lead, eventId);
        return eventId;
    }

    private LeadStatusChanged awaitStatus(String leadId, LeadStatus wanted) {
        return status().await(r -> leadId.equals(r.key()) && r.value().getStatus() == wanted, WAIT).value();
    }

    private List<LeadStatus> statusesOf(String leadId) {
        return status().records().stream().filter(r -> leadId.equals(r.key()))
                .map(ConsumerRecord::value).map(LeadStatusChanged::getStatus).toList();
    }

    @Test
    void aLeadWithActiveCoverageIsVerifiedWithItsBenefits() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("aetna", "Aetna", "W100200300")));

        LeadStatusChanged started = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFICATION_STARTED);
        LeadStatusChanged verified = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);

        assertThat(verified.getReporter()).isEqualTo(Reporter.INSURANCE);
        assertThat(verified.getStage()).isEqualTo(Stage.INSURANCE);
        EligibilityDetails details = verified.getInsurance();
        assertThat(details.getCheckId()).isEqualTo(started.getInsurance().getCheckId());
        assertThat(details.getPayerId()).isEqualTo("aetna");
        assertThat(details.getCoverageActive()).isTrue();
        assertThat(details.getNetwork()).isEqualTo(NetworkStatus.IN_NETWORK);
        assertThat(details.getCopayCents()).isEqualTo(4000L);
        assertThat(details.getCoinsurancePercent()).isEqualTo(20);
        assertThat(details.getDeductibleRemainingCents()).isEqualTo(125_000L);
        assertThat(details.getPriorAuthorizationRequired()).isTrue();
        assertThat(details.getAttempts()).isEqualTo(1);
        assertThat(verified.getSummary()).contains("Aetna").doesNotContain("Jane", "Doe", "W100200300");
    }

    @Test
    void aRedeliveredLeadTriggersNoSecondCheckAndItsResultIsReportedOnce() throws Exception {
        String leadId = newLeadId();
        LeadSubmitted lead = lead(leadId, insurance("cigna", "Cigna", "W222333444"));
        String eventId = submit(lead);
        submit(lead, eventId);

        awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> statusesOf(leadId),
                statuses -> statuses.equals(List.of(LeadStatus.INSURANCE_VERIFICATION_STARTED,
                        LeadStatus.INSURANCE_VERIFIED)));
        Long checks = db.sql("select count(*) as n from eligibility_check where lead_id = :leadId")
                .bind("leadId", leadId).map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(checks).isEqualTo(1L);
    }

    @Test
    void manyLeadsArrivingAtOnceAreEachCheckedOnceAndReportedInTheirOrder() throws Exception {
        // sent without waiting, so that the listener takes several in one poll (one batch of checks)
        List<String> verified = new java.util.ArrayList<>();
        List<java.util.concurrent.CompletableFuture<?>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String leadId = newLeadId();
            verified.add(leadId);
            sent.add(TestLeads.send(kafka, lead(leadId, insurance("aetna", "Aetna", "W8800" + i)),
                    UUID.randomUUID().toString()));
        }
        String pending = newLeadId();
        sent.add(TestLeads.send(kafka, lead(pending, insurance("kaiser", "Kaiser Permanente", "K8800")),
                UUID.randomUUID().toString()));
        String notProvided = newLeadId();
        sent.add(TestLeads.send(kafka, lead(notProvided, null, ServiceType.MRI_CT_REVIEW), UUID.randomUUID().toString()));
        for (var send : sent) {
            send.get(10, TimeUnit.SECONDS);
        }

        for (String leadId : verified) {
            awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        }
        awaitStatus(pending, LeadStatus.INSURANCE_PENDING_MANUAL);
        awaitStatus(notProvided, LeadStatus.INSURANCE_NOT_PROVIDED);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(
                () -> verified.stream().allMatch(leadId -> statusesOf(leadId).equals(List.of(
                        LeadStatus.INSURANCE_VERIFICATION_STARTED, LeadStatus.INSURANCE_VERIFIED)))
                        && statusesOf(pending).equals(List.of(LeadStatus.INSURANCE_PENDING_MANUAL))
                        && statusesOf(notProvided).equals(List.of(LeadStatus.INSURANCE_NOT_PROVIDED)));
        for (String leadId : verified) {
            Long checks = db.sql("select count(*) as n from eligibility_check where lead_id = :leadId")
                    .bind("leadId", leadId).map((row, meta) -> row.get("n", Long.class)).one().block();
            assertThat(checks).isEqualTo(1L);
        }
    }

    @Test
    void aLeadWithoutInsuranceDetailsIsReportedSoTheTimelineNeverWaits() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, null, ServiceType.MRI_CT_REVIEW));

        LeadStatusChanged notProvided = awaitStatus(leadId, LeadStatus.INSURANCE_NOT_PROVIDED);
        assertThat(notProvided.getSummary()).contains("No insurance details");
    }

    @Test
    void aLeadThatDidNotAskForVerificationButGaveInsuranceIsVerifiedAnyway() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance(null, "United Health Care", "W77788899"), ServiceType.CALL_BACK));

        LeadStatusChanged verified = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        // the typed name was matched to the directory
        assertThat(verified.getInsurance().getPayerId()).isEqualTo("uhc");
    }

    @Test
    void aMemberThePayerCannotFindEndsAtOnceWithAReasonThePatientCanActOn() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("humana", "Humana", "NOTFOUND-1234")));

        LeadStatusChanged notVerified = awaitStatus(leadId, LeadStatus.INSURANCE_NOT_VERIFIED);
        assertThat(notVerified.getInsurance().getPatientCanFix()).isTrue();
        assertThat(notVerified.getInsurance().getPayerCode()).isEqualTo("75");
        assertThat(notVerified.getInsurance().getReason()).contains("could not find this member");
        assertThat(notVerified.getInsurance().getAttempts()).isEqualTo(1);
    }

    @Test
    void aMissingMemberIdIsNotVerifiedAndThePatientCanFixIt() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("aetna", "Aetna", " ")));

        LeadStatusChanged notVerified = awaitStatus(leadId, LeadStatus.INSURANCE_NOT_VERIFIED);
        assertThat(notVerified.getInsurance().getPatientCanFix()).isTrue();
        assertThat(notVerified.getInsurance().getReason()).contains("member ID is missing");
    }

    @Test
    void aPayerTheDirectoryDoesNotKnowIsLeftToACareManagerWithoutQuotingWhatWasTyped() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance(null, "My employer plan 555-0100", "X12345678")));

        LeadStatusChanged pending = awaitStatus(leadId, LeadStatus.INSURANCE_PENDING_MANUAL);
        assertThat(pending.getInsurance().getReason()).contains("not in the practice's directory");
        assertThat(pending.getSummary()).doesNotContain("555-0100");
    }

    @Test
    void aPayerWithoutRealTimeChecksIsLeftToACareManager() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("kaiser", "Kaiser Permanente", "K12345678")));

        LeadStatusChanged pending = awaitStatus(leadId, LeadStatus.INSURANCE_PENDING_MANUAL);
        assertThat(pending.getInsurance().getReason()).contains("does not answer online");
        assertThat(statusesOf(leadId)).doesNotContain(LeadStatus.INSURANCE_VERIFICATION_STARTED);
    }

    @Test
    void retriesEndInSuccessWhenThePayerRecovers() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("molina", "Molina", "DOWN2-55501")));

        LeadStatusChanged verified = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        assertThat(verified.getInsurance().getAttempts()).isEqualTo(3);
        assertThat(statusesOf(leadId)).containsOnlyOnce(LeadStatus.INSURANCE_VERIFIED)
                .doesNotContain(LeadStatus.INSURANCE_FAILED);
    }

    @Test
    void retriesEndInAClearFailureWithinTheWindowWhenThePayerStaysDown() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("umr", "UMR", "DOWN-55502")));

        awaitStatus(leadId, LeadStatus.INSURANCE_VERIFICATION_STARTED);
        LeadStatusChanged failed = awaitStatus(leadId, LeadStatus.INSURANCE_FAILED);

        assertThat(failed.getInsurance().getAttempts()).isGreaterThan(2);
        assertThat(failed.getInsurance().getReason()).contains("could not be reached after")
                .contains("care manager");
        // the window (3 s in tests) ended the retries: no attempt was made after it, however slow the machine
        Long pastTheWindow = db.sql("select count(*) as n from eligibility_attempt a join eligibility_check c"
                        + " on c.id = a.check_id where c.lead_id = :leadId and a.started_at > c.deadline_at")
                .bind("leadId", leadId).map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(pastTheWindow).isZero();
    }

    @Test
    void retriesTravelOnTheRetryTopicsCarryingNoPatientData() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("anthem", "Anthem", "BUSY2-77701")));

        LeadStatusChanged verified = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        assertThat(verified.getInsurance().getAttempts()).isEqualTo(3);
        String checkId = verified.getInsurance().getCheckId();
        try (var first = TopicProbe.raw(brokers, CheckQueue.TOPIC);
                var firstRetry = TopicProbe.raw(brokers, CheckQueue.TOPIC + "-retry-0");
                var secondRetry = TopicProbe.raw(brokers, CheckQueue.TOPIC + "-retry-1")) {
            for (var topic : List.of(first, firstRetry, secondRetry)) {
                String value = new String(topic.await(r -> leadId.equals(r.key()), WAIT).value(), StandardCharsets.UTF_8);
                assertThat(value).contains(checkId).doesNotContain("BUSY2", "77701", "Jane", "Doe", "1970");
            }
        }
    }

    @Test
    void aCheckWhoseRetriesAreSpentEndsOnTheDeadLetterTopicAndFailsOnce() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("bcbs", "Blue Cross Blue Shield", "DOWN-77702")));

        LeadStatusChanged failed = awaitStatus(leadId, LeadStatus.INSURANCE_FAILED);
        try (var dlt = TopicProbe.raw(brokers, CheckQueue.TOPIC + "-dlt")) {
            String value = new String(dlt.await(r -> leadId.equals(r.key()), WAIT).value(), StandardCharsets.UTF_8);
            assertThat(value).contains(failed.getInsurance().getCheckId()).doesNotContain("DOWN");
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> statusesOf(leadId),
                statuses -> statuses.equals(List.of(LeadStatus.INSURANCE_VERIFICATION_STARTED,
                        LeadStatus.INSURANCE_FAILED)));
        Long attempts = db.sql("select count(*) as n from eligibility_attempt a join eligibility_check c on c.id = a.check_id"
                        + " where c.lead_id = :leadId").bind("leadId", leadId)
                .map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(attempts).isEqualTo((long) failed.getInsurance().getAttempts());
    }

    @Test
    void aRedeliveredAttemptChangesNothing() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("aetna", "Aetna", "W55566677")));
        LeadStatusChanged verified = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        UUID checkId = UUID.fromString(verified.getInsurance().getCheckId());

        // the first attempt's record, delivered again (e.g. its offset was not committed before a crash)
        kafka.send(CheckQueue.TOPIC, leadId, new CheckTicket(checkId, 1).toEvent()).get(10, TimeUnit.SECONDS);

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> statusesOf(leadId),
                statuses -> statuses.equals(List.of(LeadStatus.INSURANCE_VERIFICATION_STARTED,
                        LeadStatus.INSURANCE_VERIFIED)));
        Long attempts = db.sql("select count(*) as n from eligibility_attempt where check_id = :id").bind("id", checkId)
                .map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(attempts).isEqualTo(1L);
    }

    @Test
    void aGarbledPayerAnswerFailsWithAReasonAndIsNotRetried() throws Exception {
        String leadId = newLeadId();
        submit(lead(leadId, insurance("oscar", "Oscar", "GARBLE-1")));

        LeadStatusChanged failed = awaitStatus(leadId, LeadStatus.INSURANCE_FAILED);
        assertThat(failed.getInsurance().getReason()).contains("could not be read");
        assertThat(failed.getInsurance().getAttempts()).isEqualTo(1);
    }

    @Test
    void aCheckWhoseRecordWasLostIsSentAgainFromTheDatabase() {
        // as a restarted service finds it: in progress, no attempt made, its record lost, its next attempt overdue
        String leadId = newLeadId();
        Instant earlier = Instant.now().minusSeconds(1);
        var leftOver = new EligibilityCheck(UUID.randomUUID(), leadId, EligibilityCheck.SYSTEM, "cigna", "Cigna Healthcare",
                "W31415926", null, "SELF", new Subscriber("Jane", "Doe", LocalDate.of(1970, 1, 31)), CheckState.IN_PROGRESS,
                // its retry window far off: the scenario is the resending, which a loaded machine may delay by seconds
                0, 0, earlier, earlier.plusSeconds(60), earlier, null, null, null, null, false, 0);
        checks.insert(leftOver).block(Duration.ofSeconds(5));

        LeadStatusChanged verified = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        assertThat(verified.getInsurance().getCheckId()).isEqualTo(leftOver.id().toString());
    }

    @Test
    void anEventThatIsNotASubmittedLeadGoesToTheDeadLetterTopicWithAReason() throws Exception {
        String leadId = newLeadId();
        ImagingAttached wrong = ImagingAttached.newBuilder().setLeadId(leadId).setAttachedAt(Instant.now())
                .setImaging(ImagingReference.newBuilder().setImagingId("img-1").setFormat(ImagingFormat.DICOM)
                        .setSizeBytes(1).setUploadedAt(Instant.now()).setSha256("0".repeat(64)).build())
                .build();
        var record = new ProducerRecord<String, Object>(Topics.LEADS_SUBMITTED.name(), leadId, wrong);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        kafka.send(record).get(10, TimeUnit.SECONDS);

        try (var dlt = TopicProbe.raw(brokers, Topics.LEADS_SUBMITTED.deadLetterTopic())) {
            var dead = dlt.await(r -> leadId.equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON)).contains("not a LeadSubmitted");
        }
    }
}
