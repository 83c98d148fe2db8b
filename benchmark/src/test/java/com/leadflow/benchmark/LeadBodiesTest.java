package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LeadBodiesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lead(LeadBodies bodies, long n) {
    return JSON.readValue(bodies.body(n), Map.class);
  }

  @Test
  void everyLeadAsksForTheThreeStagesAndConsents() {
    Map<String, Object> lead = lead(new LeadBodies("ab12cd34"), 7);

    assertThat((List<String>) lead.get("requestedServices"))
        .containsExactly("MRI_CT_REVIEW", "INSURANCE_VERIFICATION", "CONNECT_WITH_PAST_PATIENT");
    assertThat(((Map<String, Object>) lead.get("consent")).get("contactConsentGiven")).isEqualTo(true);
    assertThat((String) ((Map<String, Object>) lead.get("insurance")).get("memberId")).startsWith("W");
  }

  @Test
  @SuppressWarnings("unchecked")
  void contactDetailsAreUniqueAcrossARunAndValidUsNumbers() {
    LeadBodies bodies = new LeadBodies("ab12cd34");
    Set<String> emails = new HashSet<>();
    Set<String> phones = new HashSet<>();
    for (long n : new long[] {0, 1, 9_999, 10_000, 10_001, 2_345_678, 7_999_999}) {
      Map<String, Object> contact = (Map<String, Object>) lead(bodies, n).get("contact");
      emails.add((String) contact.get("email"));
      String phone = (String) contact.get("phone");
      phones.add(phone);
      // NANP: area and exchange codes start with 2-9
      assertThat(phone.replaceAll("[^0-9]", "")).matches("[2-9]\\d{2}[2-9]\\d{6}");
    }
    assertThat(emails).hasSize(7);
    assertThat(phones).hasSize(7);
  }

  @Test
  void twoRunsDoNotShareVisitors() {
    assertThat(new LeadBodies("aaaa1111").body(3)).isNotEqualTo(new LeadBodies("bbbb2222").body(3));
  }
}
