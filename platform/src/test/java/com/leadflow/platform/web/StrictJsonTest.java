package com.leadflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    record Answer(Boolean consent, Integer pain, Double score, String zip) {
    }

    final JsonMapper json = strict();

    static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @Test
    void valuesOfTheirOwnJsonTypeAreRead() {
        assertThat(json.readValue("{\"consent\":true,\"pain\":7,\"score\":6.5,\"zip\":\"02139\"}", Answer.class))
                .isEqualTo(new Answer(true, 7, 6.5, "02139"));
    }

    @Test
    void aConsentMustBeTheJsonValueTrueNotANumberOrText() {
        for (String consent : new String[] {"1", "\"true\"", "1.0", "\"\""}) {
            assertThatThrownBy(() -> json.readValue("{\"consent\":" + consent + "}", Answer.class))
                    .as(consent).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void aWholeNumberIsNeverReadFromTextOrADecimal() {
        for (String pain : new String[] {"\"7\"", "6.7", "7.0", "\"\""}) {
            assertThatThrownBy(() -> json.readValue("{\"pain\":" + pain + "}", Answer.class))
                    .as(pain).isInstanceOf(MismatchedInputException.class);
        }
        assertThatThrownBy(() -> json.readValue("{\"score\":\"6.5\"}", Answer.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aFieldTheRecordDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"pain\":7,\"mood\":\"fine\"}", Answer.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void aRefusedValueIsAnsweredWithWhatTheFieldTakes() {
        assertThatThrownBy(() -> json.readValue("{\"pain\":6.7}", Answer.class))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                    assertThat(ProblemDetailsAdvice.path(e)).isEqualTo("pain");
                    assertThat(JsonTypes.expected(e.getTargetType())).isEqualTo("Use a whole number (not text or a decimal).");
                });
        assertThatThrownBy(() -> json.readValue("{\"consent\":1}", Answer.class))
                .isInstanceOfSatisfying(MismatchedInputException.class, e ->
                        assertThat(JsonTypes.expected(e.getTargetType())).contains("true or false"));
    }
}
