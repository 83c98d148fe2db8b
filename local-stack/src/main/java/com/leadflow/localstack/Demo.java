package com.leadflow.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code --demo}: once everything is healthy, submits a handful of leads with different needs to
 * intake, as visitors would through the form, so a newcomer sees every stage happen. Prints each
 * lead's id and private status link, and whom to sign in as to follow them.
 */
final class Demo {

  static final String CARE_MANAGER = "carla";
  static final String CLINICIAN = "drlee";
  private static final int ATTEMPTS = 3;
  private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(2);

  /** One visitor of the demo: what they ask for, and whether they attach a scan to the form. */
  record DemoLead(String title, FormLead form, boolean withScan) {

    boolean needsReview() {
      return form.requestedServices().contains("MRI_CT_REVIEW");
    }
  }

  /** What one submission came to: the lead's id and status link, or why intake did not take it. */
  record Outcome(DemoLead lead, String leadId, String statusLink, String problem) {}

  private final String intakeBaseUrl;
  private final Predicate<Duration> pause;

  /** @param pause waits between attempts; true means the stack is stopping (see {@link StopSignal#await}) */
  Demo(String intakeBaseUrl, Predicate<Duration> pause) {
    this.intakeBaseUrl = intakeBaseUrl;
    this.pause = pause;
  }

  /**
   * Six visitors: a review only (with a scan), insurance only (a member id the simulated payer
   * verifies), a talk with a past patient, everything at once, urgent red-flag symptoms, and
   * no insurance at all.
   */
  static List<DemoLead> leads() {
    return List.of(
        new DemoLead("Review only: an MRI to look at", FormLead.asking("MRI_CT_REVIEW"), true),
        new DemoLead("Insurance only: coverage the payer verifies",
            FormLead.asking("INSURANCE_VERIFICATION").insurance("aetna", "Aetna", FormLead.memberId("W")), false),
        new DemoLead("Talk with a past patient who had a microdiscectomy",
            FormLead.asking("CONNECT_WITH_PAST_PATIENT").about("HERNIATED_DISC", "MICRODISCECTOMY"), false),
        new DemoLead("Everything at once: review, insurance, info kit, call back, past patient",
            FormLead.asking("MRI_CT_REVIEW", "INSURANCE_VERIFICATION", "INFO_KIT", "CALL_BACK",
                    "CONNECT_WITH_PAST_PATIENT")
                .about("UNKNOWN", "UNSURE").insurance("aetna", "Aetna", FormLead.memberId("W")), true),
        new DemoLead("Urgent: red-flag symptoms put the review first",
            FormLead.asking("MRI_CT_REVIEW", "CALL_BACK").redFlags("BOWEL_OR_BLADDER_CHANGES", "SADDLE_NUMBNESS"),
            true),
        new DemoLead("No insurance: an info kit and a call back", FormLead.asking("INFO_KIT", "CALL_BACK"), false));
  }

  List<Outcome> submitAll(List<DemoLead> leads) {
    List<Outcome> outcomes = new ArrayList<>();
    for (DemoLead lead : leads) {
      outcomes.add(submit(lead));
    }
    return outcomes;
  }

  /** Tries a few times with one Idempotency-Key, so a slow first answer never makes two leads. */
  private Outcome submit(DemoLead lead) {
    String key = UUID.randomUUID().toString();
    String problem = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1 && pause.test(BETWEEN_ATTEMPTS)) {
        break;
      }
      try {
        if (lead.withScan() && !lead.form().hasImaging()) {
          lead.form().imaging(upload());
        }
        Http.Reply reply = Http.post(intakeBaseUrl + "/api/leads", "application/json", lead.form().toJson(), key);
        if (reply.status() == 202) {
          return new Outcome(lead, Json.stringField(reply.body(), "leadId"),
              intakeBaseUrl + Json.stringField(reply.body(), "statusUrl"), null);
        }
        problem = "intake answered " + reply.status() + ": " + reply.body();
      } catch (IllegalStateException e) {
        problem = e.getMessage();
      }
    }
    return new Outcome(lead, null, null, problem);
  }

  private String upload() {
    ScanUpload scan = ScanUpload.mri();
    Http.Reply reply = Http.post(intakeBaseUrl + "/api/imaging", scan.contentType(), scan.body());
    if (reply.status() != 201) {
      throw new IllegalStateException("uploading the demo scan: intake answered " + reply.status() + ": "
          + reply.body());
    }
    return Json.stringField(reply.body(), "imagingId");
  }

  /** What the newcomer reads: each lead, its link, and whom to sign in as. */
  static List<String> render(List<Outcome> outcomes, String careManagerView, String clinicianQueue) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("  Demo leads submitted (--demo):");
    for (Outcome outcome : outcomes) {
      lines.add("");
      lines.add("  " + outcome.lead().title());
      if (outcome.problem() != null) {
        lines.add("    not submitted: " + outcome.problem());
        continue;
      }
      lines.add("    lead id      " + outcome.leadId());
      lines.add("    status link  " + outcome.statusLink());
      lines.add("    follow it as " + CARE_MANAGER
          + (outcome.lead().needsReview() ? ", review it as " + CLINICIAN : ""));
    }
    lines.add("");
    lines.add("  Sign in as " + CARE_MANAGER + " / " + CARE_MANAGER + "-demo at " + careManagerView
        + " to see every lead's timeline,");
    lines.add("  and as " + CLINICIAN + " / " + CLINICIAN + "-demo at " + clinicianQueue
        + " to take and complete the reviews.");
    lines.add("");
    return lines;
  }
}
