package com.leadflow.benchmark;

import java.util.List;

/**
 * The leads the benchmark submits: each asks for everything the funnel offers that a service
 * works on (an imaging review, insurance verification, a talk with a past patient), so every
 * lead reaches all three stages. No scan is attached (a visitor who has none yet), so review
 * records the lead as waiting for imaging; that is the same work for the review service as
 * queueing it. Contact details are unique per lead, so none is linked as a duplicate of another;
 * member ids start with W, which the local stack's simulated payer verifies at once.
 */
final class LeadBodies {

  /** What visitors say they have and the procedure they ask about, in turn. */
  private static final List<String[]> CONDITIONS = List.of(
      new String[] {"HERNIATED_DISC", "MICRODISCECTOMY"},
      new String[] {"SPINAL_STENOSIS", "LAMINECTOMY"},
      new String[] {"DEGENERATIVE_DISC_DISEASE", "SPINAL_FUSION"},
      new String[] {"BULGING_DISC", "FORAMINOTOMY"});

  private final String runTag;

  /** @param runTag tells this run's visitors apart from an earlier run's in the same database */
  LeadBodies(String runTag) {
    this.runTag = runTag;
  }

  /** The n-th lead's form submission, as JSON. */
  String body(long n) {
    String[] condition = CONDITIONS.get((int) (n % CONDITIONS.size()));
    // 415-XXX-NNNN with an exchange of 200-999: ten thousand numbers per exchange, 8 million in all
    long exchange = 200 + (n / 10_000) % 800;
    long line = n % 10_000;
    return "{\"requestedServices\":[\"MRI_CT_REVIEW\",\"INSURANCE_VERIFICATION\",\"CONNECT_WITH_PAST_PATIENT\"],"
        + "\"contact\":{\"firstName\":\"Bench\",\"lastName\":\"Visitor\","
        + "\"email\":\"visitor." + n + "." + runTag + "@bench.example.org\","
        + "\"phone\":\"(415) " + exchange + "-" + String.format("%04d", line) + "\","
        + "\"preferredChannel\":\"PHONE\",\"preferredTime\":\"MORNING\"},"
        + "\"dateOfBirth\":\"1968-03-14\",\"zipCode\":\"94110\",\"preferredLanguage\":\"en\","
        + "\"clinical\":{\"condition\":\"" + condition[0] + "\",\"symptoms\":[\"LOWER_BACK_PAIN\",\"SCIATIC_PAIN\"],"
        + "\"redFlags\":[],\"painLevel\":6,\"painDuration\":\"MONTHS_3_TO_12\","
        + "\"treatmentsTried\":[\"PHYSICAL_THERAPY\"],\"procedureOfInterest\":\"" + condition[1] + "\"},"
        + "\"insurance\":{\"payerId\":\"aetna\",\"payerName\":\"Aetna\",\"memberId\":\"W" + runTag.toUpperCase()
        + Long.toString(n, 36).toUpperCase() + "\",\"subscriberRelationship\":\"SELF\"},"
        + "\"consent\":{\"contactConsentGiven\":true,\"disclosureVersion\":\"2026-11-01\","
        + "\"pageUrl\":\"https://practice.example/free-mri-review\"},"
        + "\"attribution\":{\"utmSource\":\"google\",\"utmMedium\":\"cpc\","
        + "\"landingPage\":\"https://practice.example/free-mri-review\"}}";
  }
}
