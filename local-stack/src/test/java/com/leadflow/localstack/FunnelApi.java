package com.leadflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs as the people in the funnel use them: a visitor submits the form and
 * uploads imaging, the care manager (carla) reads a lead's timeline at intake, a clinician (drlee)
 * works the review queue. Every call that does not answer as expected fails with the status and body.
 */
final class FunnelApi {

  static final String CARE_MANAGER = Demo.CARE_MANAGER;
  static final String CLINICIAN = Demo.CLINICIAN;
  static final byte[] SCAN = ScanUpload.SCAN;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String intake;
  private final String review;
  private final String outreach;
  private final String issuer;

  FunnelApi(FunnelStack stack) {
    this.issuer = stack.identityIssuer();
    this.intake = stack.baseUrl("intake-service");
    this.review = stack.baseUrl("review-service");
    this.outreach = stack.baseUrl("outreach-service");
  }

  /** What the visitor gets back: the lead's id and the private status link's token. */
  record Submitted(UUID leadId, String statusToken) {}

  Submitted submit(FormLead lead) {
    return accepted(send(json(intake + "/api/leads", null, lead.body())));
  }

  /**
   * As a form that retries sends it: with a key of its own, the same on every attempt, so a
   * repeat of a submission intake already took creates nothing and answers as the first time.
   */
  Submitted submit(FormLead lead, String idempotencyKey) {
    HttpRequest request = HttpRequest.newBuilder(json(intake + "/api/leads", null, lead.body()), (name, value) -> true)
        .header("Idempotency-Key", idempotencyKey).build();
    return accepted(send(request));
  }

  /** As a caller that follows its requests through the logs by an id of its own (X-Correlation-Id). */
  Submitted submitTraced(FormLead lead, String correlationId) {
    HttpRequest request = HttpRequest.newBuilder(json(intake + "/api/leads", null, lead.body()), (name, value) -> true)
        .header("X-Correlation-Id", correlationId).build();
    return accepted(send(request));
  }

  private Submitted accepted(Reply reply) {
    Map<String, Object> accepted = object(expect(202, reply));
    String statusApi = (String) accepted.get("statusApi");
    return new Submitted(UUID.fromString((String) accepted.get("leadId")),
        statusApi.substring(statusApi.lastIndexOf('/') + 1));
  }

  /** Uploads a scan with the form, before submitting; returns its id for {@code imagingIds}. */
  String uploadImagingWithForm() {
    return (String) object(expect(201, send(multipart(intake + "/api/imaging")))).get("imagingId");
  }

  /** Uploads a scan later, through the lead's private status link. */
  void uploadImagingLater(Submitted lead) {
    expect(201, send(multipart(intake + "/api/status/" + lead.statusToken() + "/imaging")));
  }

  /** The lead's timeline as the care manager sees it at intake. */
  Timeline timeline(UUID leadId) {
    Map<String, Object> view = object(expect(200, send(get(intake + "/api/leads/" + leadId, CARE_MANAGER))));
    return Timeline.of(leadId, view);
  }

  /** The open review of a lead, as the clinicians' queue lists it. */
  Optional<Map<String, Object>> openReviewOf(UUID leadId) {
    List<Map<String, Object>> open = list(expect(200, send(get(review + "/api/reviews", CLINICIAN))));
    return open.stream().filter(item -> leadId.toString().equals(item.get("leadId"))).findFirst();
  }

  Map<String, Object> review(String reviewId) {
    return object(expect(200, send(get(review + "/api/reviews/" + reviewId, CLINICIAN))));
  }

  Map<String, Object> claim(String reviewId) {
    return object(expect(200, send(json(review + "/api/reviews/" + reviewId + "/claim", CLINICIAN, Map.of()))));
  }

  /** "Take next": the review at the head of the queue. */
  Map<String, Object> claimNext() {
    return object(expect(200, send(json(review + "/api/reviews/next", CLINICIAN, Map.of()))));
  }

  Map<String, Object> completeAsCandidate(String reviewId, String recommendedProcedure) {
    return object(expect(200, send(json(review + "/api/reviews/" + reviewId + "/complete", CLINICIAN,
        Map.of("outcome", "CANDIDATE", "recommendedProcedure", recommendedProcedure)))));
  }

  /** The plain text of each email outreach's local mail server took for this address, as carla reads them. */
  List<String> mailTo(String address) {
    return list(expect(200, send(get(outreach + "/local/mail", CARE_MANAGER)))).stream()
        .filter(mail -> address.equalsIgnoreCase((String) mail.get("to")))
        .map(mail -> new String(expect(200, send(get(outreach + mail.get("text"), CARE_MANAGER))), StandardCharsets.UTF_8))
        .toList();
  }

  /**
   * A scan behind a link the review shows, fetched as the clinician who follows it: review passes her
   * own access token on to intake, which holds the file, so she signs in at the provider first.
   */
  byte[] viewInTheReview(String path) {
    String token = ProviderSignIn.accessToken(issuer, "review-service", review, CLINICIAN);
    HttpRequest request = HttpRequest.newBuilder(URI.create(review + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token).GET().build();
    return expect(200, send(request));
  }

  private HttpRequest get(String url, String user) {
    return signedIn(HttpRequest.newBuilder(URI.create(url)), user).GET().build();
  }

  private HttpRequest json(String url, String user, Object body) {
    return signedIn(HttpRequest.newBuilder(URI.create(url)), user)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
  }

  private HttpRequest multipart(String url) {
    ScanUpload scan = ScanUpload.mri();
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", scan.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(scan.body())).build();
  }

  private static HttpRequest.Builder signedIn(HttpRequest.Builder request, String user) {
    request.timeout(Duration.ofSeconds(20));
    if (user == null) {
      return request;
    }
    String credentials = user + ":" + user + "-demo";
    return request.header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private record Reply(HttpRequest request, int status, byte[] body) {}

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(request, response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static byte[] expect(int status, Reply reply) {
    if (reply.status() != status) {
      throw new AssertionError(reply.request().method() + " " + reply.request().uri() + " answered "
          + reply.status() + " instead of " + status + ": " + new String(reply.body(), StandardCharsets.UTF_8));
    }
    return reply.body();
  }

  private Map<String, Object> object(byte[] body) {
    return json.readValue(body, OBJECT);
  }

  private List<Map<String, Object>> list(byte[] body) {
    return json.readValue(body, LIST);
  }
}
