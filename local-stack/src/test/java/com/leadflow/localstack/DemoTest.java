package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.localstack.Demo.DemoLead;
import com.leadflow.localstack.Demo.Outcome;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The leads {@code --demo} submits show a newcomer every stage, and reach intake as the form sends them. */
class DemoTest {

  private static final Set<String> FAILING_MEMBER_PREFIXES =
      Set.of("INACTIVE", "NOTFOUND", "BADID", "NAME", "DOB", "BUSY", "DOWN", "SLOW", "HANG", "GARBLE");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HttpServer intake;

  @AfterEach
  void stopIntake() {
    if (intake != null) {
      intake.stop(0);
    }
  }

  @Test
  void theDemoLeadsAskForEveryServiceTheFormOffers() {
    assertThat(Demo.leads()).flatMap(lead -> lead.form().requestedServices()).containsAll(
        List.of("MRI_CT_REVIEW", "INSURANCE_VERIFICATION", "INFO_KIT", "CALL_BACK", "CONNECT_WITH_PAST_PATIENT"));
  }

  @Test
  void oneDemoLeadHasRedFlagSymptomsAndAScanSoItsReviewIsUrgent() {
    assertThat(Demo.leads()).anySatisfy(lead -> {
      assertThat(lead.form().redFlags()).isNotEmpty();
      assertThat(lead.withScan()).isTrue();
    });
  }

  @Test
  void insuranceIsGivenWithMemberIdsThePayerVerifiesOrNotAtAll() {
    List<DemoLead> leads = Demo.leads();

    assertThat(leads).filteredOn(lead -> lead.form().requestedServices().contains("INSURANCE_VERIFICATION"))
        .isNotEmpty()
        .allSatisfy(lead -> assertThat(FAILING_MEMBER_PREFIXES)
            .noneMatch(prefix -> lead.form().memberId().startsWith(prefix)));
    assertThat(leads).anySatisfy(lead -> assertThat(lead.form().memberId()).isNull());
  }

  @Test
  void everyLeadIsSubmittedWithItsScanAndAKeyAndThePrintoutSaysWhereToFollowIt() throws IOException {
    List<Map<String, Object>> bodies = new CopyOnWriteArrayList<>();
    Set<String> keys = ConcurrentHashMap.newKeySet();
    AtomicInteger scans = new AtomicInteger();
    intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    intake.createContext("/api/imaging", exchange -> {
      scans.incrementAndGet();
      answer(exchange, 201, "{\"imagingId\":\"" + UUID.randomUUID() + "\"}");
    });
    intake.createContext("/api/leads", exchange -> {
      keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      bodies.add(JSON.readValue(exchange.getRequestBody().readAllBytes(), new TypeReference<Map<String, Object>>() {}));
      UUID id = UUID.randomUUID();
      answer(exchange, 202, "{\"leadId\":\"" + id + "\",\"statusUrl\":\"/status.html#tok-" + id + "\"}");
    });
    intake.start();
    String base = "http://127.0.0.1:" + intake.getAddress().getPort();
    List<DemoLead> leads = Demo.leads();

    List<Outcome> outcomes = new Demo(base, pause -> false).submitAll(leads);

    assertThat(outcomes).hasSize(leads.size()).allSatisfy(outcome -> {
      assertThat(outcome.problem()).isNull();
      assertThat(outcome.statusLink()).isEqualTo(base + "/status.html#tok-" + outcome.leadId());
    });
    assertThat(keys).hasSize(leads.size());
    assertThat(scans).hasValue((int) leads.stream().filter(DemoLead::withScan).count());
    assertThat(bodies).hasSize(leads.size())
        .filteredOn(body -> body.containsKey("imagingIds")).hasSize(scans.get());
    List<String> printed = Demo.render(outcomes, base + "/care/", "http://review/clinician/");
    assertThat(String.join("\n", printed))
        .contains(outcomes.get(0).leadId(), outcomes.get(0).statusLink())
        .contains("carla / carla-demo at " + base + "/care/")
        .contains("drlee / drlee-demo at http://review/clinician/");
  }

  @Test
  void aLeadIntakeRefusesIsReportedWithoutStoppingTheOthers() {
    Outcome refused = new Outcome(Demo.leads().get(5), null, null, "intake answered 400: ...");

    assertThat(Demo.render(List.of(refused), "c", "q")).contains("    not submitted: intake answered 400: ...");
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
