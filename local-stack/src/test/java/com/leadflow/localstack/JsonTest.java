package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The launcher's small JSON writer produces what a real parser reads back unchanged. */
class JsonTest {

  @Test
  void aFormLeadReadsBackAsTheSameBody() {
    FormLead lead = FormLead.asking("MRI_CT_REVIEW", "INSURANCE_VERIFICATION")
        .insurance("aetna", "Aetna", "W123").redFlags("SADDLE_NUMBNESS").imaging("i-1");

    Map<String, Object> parsed = JsonMapper.builder().build().readValue(lead.toJson(), new TypeReference<>() {});

    assertThat(parsed).isEqualTo(lead.body());
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscaped() {
    Map<String, Object> tricky = new LinkedHashMap<>();
    tricky.put("text", "say \"hi\"\\ then\n\tgo\u0001");
    tricky.put("list", List.of(1, true, "x"));

    Map<String, Object> parsed = JsonMapper.builder().build().readValue(Json.write(tricky), new TypeReference<>() {});

    assertThat(parsed).isEqualTo(tricky);
  }

  @Test
  void aStringFieldIsFoundInAnAnswer() {
    String answer = "{\"leadId\":\"4f1c\", \"statusUrl\" : \"/status.html#abc\"}";

    assertThat(Json.stringField(answer, "statusUrl")).isEqualTo("/status.html#abc");
    assertThat(Json.stringField(answer, "imagingId")).isNull();
  }
}
