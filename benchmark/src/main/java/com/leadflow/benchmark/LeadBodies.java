package com.leadflow.benchmark;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The leads the benchmark submits: each asks for everything the funnel offers that a service
 * works on (an imaging review, insurance verification, a talk with a past patient), so every
 * lead reaches all three stages. No scan is attached (a visitor who has none yet), so review
 * records the lead as waiting for imaging; that is the same work for the review service as
 * queueing it. Contact details are unique per lead, so none is linked as a duplicate of another;
 * member ids start with W, which the local stack's simulated payer verifies at once.
 *
 * <p>Hundreds of bodies a second come from here, so the constant parts are encoded once and a
 * body is written straight into the request's buffer: only its few varying digits are new.
 */
final class LeadBodies {

  /** What visitors say they have and the procedure they ask about, in turn. */
  private static final List<String[]> CONDITIONS = List.of(
      new String[] {"HERNIATED_DISC", "MICRODISCECTOMY"},
      new String[] {"SPINAL_STENOSIS", "LAMINECTOMY"},
      new String[] {"DEGENERATIVE_DISC_DISEASE", "SPINAL_FUSION"},
      new String[] {"BULGING_DISC", "FORAMINOTOMY"});

  private static final byte[] OPENING = bytes(
      "{\"requestedServices\":[\"MRI_CT_REVIEW\",\"INSURANCE_VERIFICATION\",\"CONNECT_WITH_PAST_PATIENT\"],"
          + "\"contact\":{\"firstName\":\"Bench\",\"lastName\":\"Visitor\",\"email\":\"visitor.");
  private static final byte[] DASH = bytes("-");

  /** After the email's number, up to the phone's exchange. */
  private final byte[] afterEmailNumber;
  /** Per condition: after the phone number, up to the member id's varying part. */
  private final byte[][] afterPhone;
  private static final byte[] CLOSING = bytes(
      "\",\"subscriberRelationship\":\"SELF\"},"
          + "\"consent\":{\"contactConsentGiven\":true,\"disclosureVersion\":\"2026-11-01\","
          + "\"pageUrl\":\"https://practice.example/free-mri-review\"},"
          + "\"attribution\":{\"utmSource\":\"google\",\"utmMedium\":\"cpc\","
          + "\"landingPage\":\"https://practice.example/free-mri-review\"}}");

  /** @param runTag tells this run's visitors apart from an earlier run's in the same database */
  LeadBodies(String runTag) {
    this.afterEmailNumber = bytes("." + runTag + "@bench.example.org\",\"phone\":\"(415) ");
    this.afterPhone = new byte[CONDITIONS.size()][];
    for (int i = 0; i < CONDITIONS.size(); i++) {
      String[] condition = CONDITIONS.get(i);
      afterPhone[i] = bytes("\",\"preferredChannel\":\"PHONE\",\"preferredTime\":\"MORNING\"},"
          + "\"dateOfBirth\":\"1968-03-14\",\"zipCode\":\"94110\",\"preferredLanguage\":\"en\","
          + "\"clinical\":{\"condition\":\"" + condition[0] + "\",\"symptoms\":[\"LOWER_BACK_PAIN\",\"SCIATIC_PAIN\"],"
          + "\"redFlags\":[],\"painLevel\":6,\"painDuration\":\"MONTHS_3_TO_12\","
          + "\"treatmentsTried\":[\"PHYSICAL_THERAPY\"],\"procedureOfInterest\":\"" + condition[1] + "\"},"
          + "\"insurance\":{\"payerId\":\"aetna\",\"payerName\":\"Aetna\",\"memberId\":\"W"
          + runTag.toUpperCase());
    }
  }

  /** Writes the n-th lead's form submission, as JSON, into {@code out}. */
  void writeTo(long n, ByteBuf out) {
    // 415-XXX-NNNN with an exchange of 200-999: ten thousand numbers per exchange, 8 million in all
    long exchange = 200 + (n / 10_000) % 800;
    long line = n % 10_000;
    out.writeBytes(OPENING);
    writeDecimal(out, n);
    out.writeBytes(afterEmailNumber);
    writeDecimal(out, exchange);
    out.writeBytes(DASH);
    for (long divisor = 1000; divisor > 0; divisor /= 10) {
      out.writeByte('0' + (int) (line / divisor % 10));
    }
    out.writeBytes(afterPhone[(int) (n % CONDITIONS.size())]);
    writeBase36Upper(out, n);
    out.writeBytes(CLOSING);
  }

  /** The n-th lead's form submission, as JSON text. */
  String body(long n) {
    ByteBuf buffer = Unpooled.buffer(1536);
    writeTo(n, buffer);
    return buffer.toString(StandardCharsets.UTF_8);
  }

  static void writeDecimal(ByteBuf out, long value) {
    if (value >= 10) {
      writeDecimal(out, value / 10);
    }
    out.writeByte('0' + (int) (value % 10));
  }

  private static void writeBase36Upper(ByteBuf out, long value) {
    if (value >= 36) {
      writeBase36Upper(out, value / 36);
    }
    int digit = (int) (value % 36);
    out.writeByte(digit < 10 ? '0' + digit : 'A' + digit - 10);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
