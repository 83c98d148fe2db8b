package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.localstack.FunnelApi.Submitted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole funnel over the real pieces: a Kafka broker, the schema registry, PostgreSQL and the
 * service jars, started once by the launcher's own code on free ports. Leads go in over HTTP
 * as the public form sends them; clinicians work reviews through review-service's API; every
 * assertion is on what the care manager sees at intake: the lead's timeline, where each expected
 * status must arrive, and arrive once.
 *
 * <p>Needs the service jars ({@code ./mvnw package -DskipTests}, or the reactor's package phase)
 * and PostgreSQL at {@code leadflow.test.postgres.url}; {@code -Dleadflow.skipBrokerTests=true}
 * leaves it out. Every process logs to {@code <temp dir>/logs/<name>.log}; a failed wait quotes
 * their last lines, and the folder is kept when a scenario fails.
 */
@DisabledIfSystemProperty(named = "leadflow.skipBrokerTests", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunnelEndToEndTest {

  private static final String INSURANCE = "insurance-service";
  // each listener of a service is a consumer group of its own, named <service>.<topic>
  private static final String INSURANCE_ON_SUBMITTED = "insurance.leads.submitted";
  private static final String LEADS_SUBMITTED = "leads.submitted";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path localDir;

  private FunnelStack stack;
  private OtlpReceiver collector;
  private FunnelApi api;
  private TimelineWaits timelines;
  private CompletableFuture<ServiceSpec> secondInsurance;

  @BeforeAll
  void startTheFunnel() throws Exception {
    // every service sends its spans to a collector's OTLP endpoint: this test's receiver
    collector = OtlpReceiver.start();
    stack = FunnelStack.start(localDir, "e2e", Map.of("LEADFLOW_TRACING_OTLP_ENDPOINT", collector.endpoint(),
        "LEADFLOW_TRACING_EXPORT_DELAY", "500ms"));
    api = new FunnelApi(stack);
    timelines = new TimelineWaits(api, stack);
    // it comes up while the first scenarios run (their leads may meet either instance), saving the wait
    secondInsurance = stack.startAnotherInstanceInBackground(INSURANCE, "insurance-service-2");
  }

  @AfterAll
  void stopTheFunnel() {
    if (collector != null) {
      collector.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aReviewRequestWaitsForItsImagingThenAClinicianTakesAndCompletesIt() {
    Submitted lead = api.submit(FormLead.asking("MRI_CT_REVIEW"));
    timelines.await(lead, "REVIEW_AWAITING_IMAGING", "INSURANCE_NOT_PROVIDED");

    api.uploadImagingLater(lead);
    timelines.await(lead, "IMAGING_ATTACHED", "REVIEW_QUEUED");
    Map<String, Object> taken = api.claim(timelines.openReviewId(lead));
    assertThat(taken).containsEntry("status", "IN_PROGRESS").containsEntry("claimedBy", FunnelApi.CLINICIAN);
    // the clinician follows the review's link to the scan: review streams it from intake, which holds it
    String scanUrl = (String) imagingOf(taken).get(0).get("url");
    assertThat(scanUrl).startsWith("/api/reviews/" + taken.get("reviewId") + "/imaging/");
    assertThat(api.viewInTheReview(scanUrl)).isEqualTo(FunnelApi.SCAN);
    assertThat(api.completeAsCandidate((String) taken.get("reviewId"), "MICRODISCECTOMY"))
        .containsEntry("status", "COMPLETED");

    Timeline timeline = timelines.settlesWith(lead, "LEAD_SUBMITTED", "REVIEW_AWAITING_IMAGING",
        "INSURANCE_NOT_PROVIDED", "IMAGING_ATTACHED", "REVIEW_QUEUED", "REVIEW_IN_PROGRESS", "REVIEW_COMPLETED");
    assertThat(timeline.statuses()).containsSubsequence(
        "REVIEW_AWAITING_IMAGING", "REVIEW_QUEUED", "REVIEW_IN_PROGRESS", "REVIEW_COMPLETED");
  }

  @Test
  void insuranceOnlyIsVerifiedWithThePayer() {
    Submitted lead = api.submit(FormLead.asking("INSURANCE_VERIFICATION", "CALL_BACK")
        .insurance("aetna", "Aetna", FormLead.memberId("W")));

    Timeline timeline = timelines.settlesWith(lead,
        "LEAD_SUBMITTED", "INSURANCE_VERIFICATION_STARTED", "INSURANCE_VERIFIED");
    assertThat(timeline.statuses()).containsSubsequence("INSURANCE_VERIFICATION_STARTED", "INSURANCE_VERIFIED");
    assertThat(timeline.entry("INSURANCE_VERIFIED").summary()).startsWith("Coverage verified with Aetna");
  }

  @Test
  void aMemberThePayerCannotFindIsExplainedInsteadOfLeftWaiting() {
    String member = FormLead.memberId("NOTFOUND");
    Submitted lead = api.submit(FormLead.asking("INSURANCE_VERIFICATION").insurance("aetna", "Aetna", member));

    Timeline timeline = timelines.settlesWith(lead,
        "LEAD_SUBMITTED", "INSURANCE_VERIFICATION_STARTED", "INSURANCE_NOT_VERIFIED");
    assertThat(timeline.entry("INSURANCE_NOT_VERIFIED").summary())
        .startsWith("Coverage not verified with Aetna: ")
        .doesNotContain(member);
  }

  @Test
  void aVisitorWhoAsksToTalkWithAPastPatientIsProposedOne() {
    Submitted lead = api.submit(FormLead.asking("CONNECT_WITH_PAST_PATIENT")
        .about("HERNIATED_DISC", "MICRODISCECTOMY"));

    Timeline timeline = timelines.settlesWith(lead, "LEAD_SUBMITTED", "INSURANCE_NOT_PROVIDED", "MATCH_PROPOSED");
    assertThat(timeline.entry("MATCH_PROPOSED").summary()).startsWith("Proposed a conversation with past patient");
  }

  @Test
  void everythingAtOnceRunsTheWholeFunnelAndTheMatchFollowsTheReview() {
    String scan = api.uploadImagingWithForm();
    // the visitor cannot name condition or procedure: matching waits for the clinician's findings
    Submitted lead = api.submit(FormLead.asking(
            "MRI_CT_REVIEW", "INSURANCE_VERIFICATION", "INFO_KIT", "CALL_BACK", "CONNECT_WITH_PAST_PATIENT")
        .about("UNKNOWN", "UNSURE").insurance("aetna", "Aetna", FormLead.memberId("E")).imaging(scan));
    timelines.await(lead, "REVIEW_QUEUED", "INSURANCE_VERIFIED", "MATCH_WAITLISTED", "INFO_KIT_SENT");

    String reviewId = timelines.openReviewId(lead);
    api.claim(reviewId);
    api.completeAsCandidate(reviewId, "MICRODISCECTOMY");

    Timeline timeline = timelines.settlesWith(lead, "LEAD_SUBMITTED", "REVIEW_QUEUED",
        "INSURANCE_VERIFICATION_STARTED", "INSURANCE_VERIFIED", "MATCH_WAITLISTED",
        "REVIEW_IN_PROGRESS", "REVIEW_COMPLETED", "MATCH_PROPOSED", "INFO_KIT_SENT");
    assertThat(timeline.entry("MATCH_PROPOSED").occurredAt())
        .isAfter(timeline.entry("REVIEW_COMPLETED").occurredAt());
  }

  @Test
  void urgentSymptomsPutAReviewAheadOfRoutineOnes() {
    Submitted routine = api.submit(FormLead.asking("MRI_CT_REVIEW").imaging(api.uploadImagingWithForm()));
    Submitted urgent = api.submit(FormLead.asking("MRI_CT_REVIEW")
        .redFlags("BOWEL_OR_BLADDER_CHANGES", "SADDLE_NUMBNESS").imaging(api.uploadImagingWithForm()));
    timelines.await(routine, "REVIEW_QUEUED");
    timelines.await(urgent, "REVIEW_QUEUED");

    Map<String, Object> next = api.claimNext();
    assertThat(next).containsEntry("leadId", urgent.leadId().toString()).containsEntry("priority", "URGENT");
    api.completeAsCandidate((String) next.get("reviewId"), "LAMINECTOMY");
    // the routine one was still waiting its turn; done too, so the queue is left as found
    String routineReview = timelines.openReviewId(routine);
    api.claim(routineReview);
    api.completeAsCandidate(routineReview, "MICRODISCECTOMY");

    timelines.allSettleWith(List.of(urgent, routine), "LEAD_SUBMITTED", "REVIEW_QUEUED", "INSURANCE_NOT_PROVIDED",
        "REVIEW_IN_PROGRESS", "REVIEW_COMPLETED");
  }

  @Test
  void aLeadWithoutInsuranceIsToldSoGetsTheKitWithItsStatusLinkAndNothingElseStarts() throws Exception {
    FormLead form = FormLead.asking("INFO_KIT", "CALL_BACK");
    Submitted lead = api.submit(form);

    Timeline timeline = timelines.settlesWith(lead, "LEAD_SUBMITTED", "INSURANCE_NOT_PROVIDED", "INFO_KIT_SENT");
    assertThat(timeline.entry("INSURANCE_NOT_PROVIDED").summary()).contains("No insurance details were given");
    assertThat(timeline.entry("INFO_KIT_SENT").summary()).isEqualTo("Info kit sent by email with the PDF attached (English)");
    // the kit's email links to the visitor's own status page, the link intake showed after the form
    assertThat(api.mailTo(form.email())).singleElement().asString()
        .contains("/status.html#" + lead.statusToken());
    // the address is the visitor's: never in outreach's log (its local mail server wrote it when it made the mailbox)
    assertThat(Files.readString(stack.logOf("outreach-service")).contains(form.email()))
        .as("the visitor's address is in outreach's log").isFalse();
  }

  /**
   * Intake runs with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (its jar, Boot's own logging set-up,
   * as docker-compose runs every service): each line it writes once up is one JSON object, the line
   * that says a lead was stored has the caller's correlation id and the service's name as fields, and
   * nothing the visitor typed is in the log.
   */
  /**
   * One submission is one trace, across the processes: intake's request span, its publish of the
   * lead, review's, insurance's and matching's apply of it, their publish of a status, and intake's
   * apply of those statuses, each span the child of another span of the trace; the trace id is the
   * one intake's JSON log line names (field {@code traceId}).
   */
  @Test
  void oneSubmissionsSpansFormOneTraceFromIntakeThroughTheStagesBackToIntake() throws Exception {
    String scan = api.uploadImagingWithForm();
    Submitted lead = api.submitTraced(FormLead.asking("MRI_CT_REVIEW", "INSURANCE_VERIFICATION", "CONNECT_WITH_PAST_PATIENT")
        .about("UNKNOWN", "UNSURE").insurance("aetna", "Aetna", FormLead.memberId("E")).imaging(scan),
        "one-trace-" + UUID.randomUUID());
    timelines.await(lead, "REVIEW_QUEUED", "INSURANCE_VERIFIED", "MATCH_WAITLISTED");

    JsonMapper json = JsonMapper.builder().build();
    Path log = stack.logOf("intake-service");
    String traceId = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(log).stream()
        .filter(line -> line.startsWith("{")).map(json::readTree)
        .filter(entry -> entry.path("message").asString().equals("Lead " + lead.leadId() + " submitted"))
        .map(entry -> entry.path("traceId").asString()).findFirst().orElse(null), java.util.Objects::nonNull);
    assertThat(traceId).matches("[0-9a-f]{32}");

    // each service exports its spans in batches of its own, so the hops may arrive before intake's
    // request span or another service's publish: wait for the whole trace, then check it
    List<OtlpReceiver.ReceivedSpan> spans = Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> collector.trace(traceId), trace -> hasEveryHop(trace) && everyParentArrived(trace));
    var ids = spans.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(java.util.stream.Collectors.toSet());
    assertThat(spans).filteredOn(span -> span.parentSpanId().isEmpty())
        .singleElement().satisfies(root -> {
          assertThat(root.service()).isEqualTo("intake-service");
          assertThat(root.name()).isEqualTo("POST /api/leads");
        });
    assertThat(spans).filteredOn(span -> !span.parentSpanId().isEmpty())
        .allSatisfy(span -> assertThat(ids).as(span + "'s parent is in the trace").contains(span.parentSpanId()));
  }

  /** The spans' parents are all among them: nothing of the trace is still on its way. */
  private static boolean everyParentArrived(List<OtlpReceiver.ReceivedSpan> trace) {
    var ids = trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(java.util.stream.Collectors.toSet());
    return trace.stream().allMatch(span -> span.parentSpanId().isEmpty() || ids.contains(span.parentSpanId()));
  }

  private static boolean hasEveryHop(List<OtlpReceiver.ReceivedSpan> trace) {
    boolean submitted = trace.stream().anyMatch(span -> span.service().equals("intake-service")
        && span.name().equals("leads.submitted publish"));
    boolean everyStage = List.of("review-service", "insurance-service", "matching-service").stream()
        .allMatch(service -> trace.stream().anyMatch(span -> span.service().equals(service)
            && span.name().equals("leads.submitted process"))
            && trace.stream().anyMatch(span -> span.service().equals(service) && span.name().equals("leads.status publish")));
    Map<String, String> publishers = trace.stream().filter(span -> span.name().equals("leads.status publish"))
        .collect(java.util.stream.Collectors.toMap(OtlpReceiver.ReceivedSpan::spanId, OtlpReceiver.ReceivedSpan::service));
    boolean backToIntake = List.of("review-service", "insurance-service", "matching-service").stream()
        .allMatch(service -> trace.stream().anyMatch(span -> span.service().equals("intake-service")
            && span.name().equals("leads.status process") && service.equals(publishers.get(span.parentSpanId()))));
    return submitted && everyStage && backToIntake;
  }

  @Test
  void intakeLogsJsonLinesWithTheCorrelationIdAsAFieldAndNoPatientData() throws Exception {
    FormLead form = FormLead.asking("CALL_BACK");
    String correlationId = "web-team-" + UUID.randomUUID();
    Submitted lead = api.submitTraced(form, correlationId);

    Path log = stack.logOf("intake-service");
    JsonMapper json = JsonMapper.builder().build();
    JsonNode stored = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(log).stream()
        .filter(line -> line.startsWith("{")).map(json::readTree)
        .filter(entry -> entry.path("message").asString().equals("Lead " + lead.leadId() + " submitted"))
        .findFirst().orElse(null), java.util.Objects::nonNull);
    assertThat(stored.path("correlationId").asString()).isEqualTo(correlationId);
    assertThat(stored.path("service").path("name").asString()).isEqualTo("intake-service");
    assertThat(stored.path("log").path("level").asString()).isEqualTo("INFO");

    List<String> lines = Files.readAllLines(log);
    // from the first JSON line on (before it: the banner), every line is one JSON object
    List<String> running = lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("{")).findFirst().orElseThrow()),
        lines.size());
    assertThat(running).filteredOn(line -> !line.isBlank()).allSatisfy(line -> assertThat(json.readTree(line).isObject()).isTrue());
    @SuppressWarnings("unchecked")
    Map<String, Object> contact = (Map<String, Object>) form.body().get("contact");
    for (String field : List.of("firstName", "lastName", "email", "phone")) {
      assertThat(String.join("\n", lines)).as("the visitor's " + field + " in intake's log")
          .doesNotContain((String) contact.get(field));
    }
  }

  /**
   * After the others, which need not wait for the second instance to come up. Both instances must
   * do work: each one's partitions of leads.submitted get leads (lead ids are random keys, so
   * visitors keep coming until they have, eight at least), and each commits past them, holding
   * the same partitions throughout.
   */
  @Test
  @Order(Order.DEFAULT + 1)
  void twoInsuranceInstancesInOneConsumerGroupBothVerifyLeadsAndEachLeadOnce() throws Exception {
    join(secondInsurance);
    Map<String, Set<TopicPartition>> byMember = BrokerQueries.assignments(
        BrokerQueries.awaitSharing(stack, INSURANCE_ON_SUBMITTED, LEADS_SUBMITTED, 2), LEADS_SUBMITTED);
    Map<TopicPartition, Long> before = BrokerQueries.committed(stack, INSURANCE_ON_SUBMITTED, LEADS_SUBMITTED);

    List<Submitted> leads = new ArrayList<>();
    while (leads.size() < 8 || (!eachGotLeads(byMember, before) && leads.size() < 40)) {
      leads.add(api.submit(FormLead.asking("INSURANCE_VERIFICATION")
          .insurance("aetna", "Aetna", FormLead.memberId("T"))));
    }

    timelines.allSettleWith(leads, "LEAD_SUBMITTED", "INSURANCE_VERIFICATION_STARTED", "INSURANCE_VERIFIED");
    assertThat(BrokerQueries.assignments(BrokerQueries.describe(stack, INSURANCE_ON_SUBMITTED), LEADS_SUBMITTED))
        .as("the two members and their partitions, unchanged while the leads were worked").isEqualTo(byMember);
    // listeners commit what they applied every 200 ms (leadflow.kafka.commit-interval), not per poll
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      Map<TopicPartition, Long> after = BrokerQueries.committed(stack, INSURANCE_ON_SUBMITTED, LEADS_SUBMITTED);
      byMember.forEach((member, partitions) -> assertThat(partitions)
          .as("member %s committed past %s on its partitions (now %s)", member, before, after)
          .anyMatch(p -> after.getOrDefault(p, 0L) > before.getOrDefault(p, 0L)));
    });
  }

  /** Whether every member's partitions have received records since {@code before}. */
  private boolean eachGotLeads(Map<String, Set<TopicPartition>> byMember, Map<TopicPartition, Long> before)
      throws Exception {
    Map<TopicPartition, Long> ends = BrokerQueries.endOffsets(stack,
        byMember.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
    return byMember.values().stream().allMatch(partitions -> partitions.stream()
        .anyMatch(p -> ends.get(p) > before.getOrDefault(p, 0L)));
  }

  /**
   * Then one of the two is killed hard (SIGKILL): the other holds all of leads.submitted once the
   * broker gives up on the dead one's session (6 s here, Kafka's default 45 s), within 10 s of the
   * kill, and verifies a lead submitted meanwhile.
   */
  @Test
  @Order(Order.DEFAULT + 2)
  void whenOneOfTwoInsuranceInstancesIsKilledTheOtherTakesOverItsPartitionsWithinTenSeconds() throws Exception {
    Map<String, Set<TopicPartition>> sharing =
        BrokerQueries.assignments(BrokerQueries.describe(stack, INSURANCE_ON_SUBMITTED), LEADS_SUBMITTED);
    assertThat(sharing).as("members of %s before the kill", INSURANCE_ON_SUBMITTED).hasSize(2);
    int partitions = sharing.values().stream().mapToInt(Set::size).sum();

    Instant killed = Instant.now();
    stack.kill("insurance-service-2");
    Submitted meanwhile = api.submit(FormLead.asking("INSURANCE_VERIFICATION")
        .insurance("aetna", "Aetna", FormLead.memberId("T")));
    Duration takeover = Duration.between(killed,
        BrokerQueries.awaitSoleReader(stack, INSURANCE_ON_SUBMITTED, LEADS_SUBMITTED, sharing.keySet(), partitions,
            TimelineWaits.FLOW));
    System.out.println("recovery after SIGKILL: the surviving insurance instance held all " + partitions
        + " partitions of " + LEADS_SUBMITTED + " " + takeover.toMillis() / 1000.0 + " s after the kill");

    assertThat(takeover).as("from the kill until the survivor held the dead instance's partitions")
        .isLessThan(Duration.ofSeconds(10));
    timelines.settlesWith(meanwhile, "LEAD_SUBMITTED", "INSURANCE_VERIFICATION_STARTED", "INSURANCE_VERIFIED");
  }

  /** Last: whatever the scenarios did, no event was given up on. */
  @Test
  @Order(Order.DEFAULT + 3)
  void noEventEndedInADeadLetterTopic() throws Exception {
    Map<String, Long> deadLetters = BrokerQueries.deadLetterCounts(stack);

    assertThat(deadLetters).as("records per dead-letter topic")
        .containsKeys(BrokerQueries.DEAD_LETTER_TOPICS)
        .allSatisfy((topic, records) -> assertThat(records).as(topic).isZero());
  }

  /** After the scenarios: the demo's urgent review would otherwise jump their queue. */
  @Test
  @Order(Order.DEFAULT + 4)
  void theLaunchersDemoLeadsAreAcknowledgedAndEachReachesItsFirstStages() {
    List<Demo.Outcome> outcomes = new Demo(stack.baseUrl("intake-service"), pause -> false).submitAll(Demo.leads());

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.problem()).as(outcome.lead().title()).isNull());
    for (Demo.Outcome outcome : outcomes) {
      Submitted lead = new Submitted(UUID.fromString(outcome.leadId()),
          outcome.statusLink().substring(outcome.statusLink().indexOf('#') + 1));
      List<String> expected = new ArrayList<>(List.of("LEAD_SUBMITTED",
          outcome.lead().form().memberId() == null ? "INSURANCE_NOT_PROVIDED" : "INSURANCE_VERIFIED"));
      if (outcome.lead().withScan()) {
        expected.add("REVIEW_QUEUED");
      }
      timelines.await(lead, expected.toArray(String[]::new));
    }
  }

  /**
   * Staff sign in once, in a real browser at the stack's identity provider: the care manager signs
   * in at intake's leads list, then opens insurance's checks for a lead (another service) without
   * being asked again. Signing out at intake ends insurance's session too (back-channel logout).
   */
  @Test
  @Order(Order.DEFAULT + 4)
  void aCareManagerSignsInOnceAtIntakeAndInsuranceOpensWithoutAskingAgainUntilSheSignsOut() throws Exception {
    Assumptions.assumeTrue(StaffBrowser.installed(), "Chromium is not installed");
    Submitted lead = api.submit(FormLead.asking("INSURANCE_VERIFICATION")
        .insurance("aetna", "Aetna", FormLead.memberId("W")));
    timelines.await(lead, "INSURANCE_VERIFIED");
    String insuranceChecks = stack.baseUrl("insurance-service") + "/api/checks?leadId=" + lead.leadId();
    try (StaffBrowser browser = StaffBrowser.start()) {
      browser.open(stack.baseUrl("intake-service") + "/care/");
      browser.signInAt(stack.identityIssuer(), FunnelApi.CARE_MANAGER);
      browser.awaitText("signed-in-as", "Signed in as " + FunnelApi.CARE_MANAGER);

      browser.open(insuranceChecks);
      browser.awaitPageContains(lead.leadId().toString());
      assertThat(browser.url()).startsWith(insuranceChecks);

      browser.open(stack.baseUrl("intake-service") + "/care/");
      browser.click("sign-out");
      browser.awaitUrl(stack.baseUrl("intake-service") + "/signed-out");
      browser.open(insuranceChecks);
      browser.awaitUrlStartingWith(stack.identityIssuer() + "/login");
    }
  }

  private static void join(CompletableFuture<ServiceSpec> starting) throws Exception {
    try {
      starting.get(TimelineWaits.FLOW.toSeconds() * 2, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError failure) {
        throw failure;
      }
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> imagingOf(Map<String, Object> review) {
    return (List<Map<String, Object>>) review.get("imaging");
  }
}
