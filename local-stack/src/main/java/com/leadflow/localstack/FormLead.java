package com.leadflow.localstack;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web form submission as the public form sends it (intake's {@code POST /api/leads}): an
 * invented visitor with unique contact details, so no two leads of a run look like duplicates.
 * By default a routine herniated disc, no red flags, no insurance, no imaging. The launcher's
 * {@code --demo} submits these; the end-to-end tests do too.
 */
final class FormLead {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, Object> clinical = new LinkedHashMap<>();

  private FormLead(List<String> services) {
    int n = SEQUENCE.incrementAndGet();
    int unique = ThreadLocalRandom.current().nextInt(10_000);
    root.put("requestedServices", services);
    root.put("contact", Map.of("firstName", "Ophelia" + letters(n), "lastName", "Vandermeer" + letters(unique),
        "email", "ophelia." + n + "." + unique + "@example.org",
        "phone", String.format("(415) 555-%04d", unique), "preferredChannel", "PHONE", "preferredTime", "MORNING"));
    root.put("dateOfBirth", "1968-03-14");
    root.put("zipCode", "94110");
    root.put("preferredLanguage", "en");
    clinical.put("condition", "HERNIATED_DISC");
    clinical.put("symptoms", List.of("LOWER_BACK_PAIN", "SCIATIC_PAIN"));
    clinical.put("redFlags", List.of());
    clinical.put("painLevel", 6);
    clinical.put("painDuration", "MONTHS_3_TO_12");
    clinical.put("treatmentsTried", List.of("PHYSICAL_THERAPY"));
    clinical.put("procedureOfInterest", "MICRODISCECTOMY");
    root.put("clinical", clinical);
    root.put("consent", Map.of("contactConsentGiven", true, "disclosureVersion", "2026-11-01",
        "pageUrl", "https://practice.example/procedures/microdiscectomy"));
    root.put("attribution", Map.of("utmSource", "google", "utmMedium", "cpc",
        "landingPage", "https://practice.example/procedures/microdiscectomy",
        "firstTouchAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
  }

  /** A visitor asking for these services (MRI_CT_REVIEW, INSURANCE_VERIFICATION, INFO_KIT, CALL_BACK, ...). */
  static FormLead asking(String... services) {
    return new FormLead(List.of(services));
  }

  /** What the visitor says they have and which procedure they are interested in (UNKNOWN / UNSURE allowed). */
  FormLead about(String condition, String procedureOfInterest) {
    clinical.put("condition", condition);
    clinical.put("procedureOfInterest", procedureOfInterest);
    return this;
  }

  FormLead redFlags(String... flags) {
    clinical.put("redFlags", List.of(flags));
    return this;
  }

  /** The visitor's own insurance; the simulated payer answers by the member id's prefix. */
  FormLead insurance(String payerId, String payerName, String memberId) {
    root.put("insurance", Map.of("payerId", payerId, "payerName", payerName, "memberId", memberId,
        "subscriberRelationship", "SELF"));
    return this;
  }

  FormLead imaging(String... imagingIds) {
    root.put("imagingIds", new ArrayList<>(List.of(imagingIds)));
    return this;
  }

  /** The visitor's email address, where outreach writes to them. */
  String email() {
    return (String) ((Map<?, ?>) root.get("contact")).get("email");
  }

  boolean hasImaging() {
    return root.containsKey("imagingIds");
  }

  Map<String, Object> body() {
    return root;
  }

  /** The body as JSON, the way the form posts it. */
  String toJson() {
    return Json.write(root);
  }

  List<String> requestedServices() {
    @SuppressWarnings("unchecked")
    List<String> services = (List<String>) root.get("requestedServices");
    return services;
  }

  @SuppressWarnings("unchecked")
  List<String> redFlags() {
    return (List<String>) clinical.get("redFlags");
  }

  /** The member id given, or null without insurance. */
  @SuppressWarnings("unchecked")
  String memberId() {
    Map<String, Object> insurance = (Map<String, Object>) root.get("insurance");
    return insurance == null ? null : (String) insurance.get("memberId");
  }

  /** A member id the simulated payer answers by its prefix: "W" verifies, "NOTFOUND" is unknown, ... */
  static String memberId(String simulatedPayerPrefix) {
    return simulatedPayerPrefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase();
  }

  /** Names are letters only: digits become letters (12 becomes "bc"). */
  private static String letters(int n) {
    StringBuilder out = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      out.append((char) ('a' + (c - '0')));
    }
    return out.toString();
  }
}
