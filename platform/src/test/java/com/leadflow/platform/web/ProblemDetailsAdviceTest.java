package com.leadflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class ProblemDetailsAdviceTest {

    record Insurance(Integer copay) {
    }

    record Lead(List<Insurance> insurances) {
    }

    @Test
    void ruleNamesAreLowerCaseWordsJoinedByDashes() {
        assertThat(ProblemDetailsAdvice.ruleName("NotBlank")).isEqualTo("not-blank");
        assertThat(ProblemDetailsAdvice.ruleName("Size")).isEqualTo("size");
        assertThat(ProblemDetailsAdvice.ruleName(null)).isEqualTo("invalid");
    }

    @Test
    void aParserErrorIsNamedByItsJsonPathWithoutTheValue() {
        try {
            JsonMapper.builder().build().readValue("{\"insurances\":[{\"copay\":1},{\"copay\":\"Rosalind\"}]}", Lead.class);
        } catch (MismatchedInputException e) {
            assertThat(ProblemDetailsAdvice.path(e)).isEqualTo("insurances[1].copay");
            return;
        }
        throw new AssertionError("the parser accepted text for a number");
    }

    @Test
    void anInvalidRequestListsEachFieldAndRule() {
        ProblemDetail problem = Problems.invalid(List.of(new FieldViolation("zipCode", "format", "Use 5 digits."),
                new FieldViolation("dateOfBirth", "required", "Please fill in this field.")));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType().toString()).endsWith("/invalid-request");
        assertThat(problem.getDetail()).isEqualTo("2 fields break a rule.");
        assertThat(problem.getProperties()).containsKey("errors");
    }
}
