package com.leadflow.matching.ambassador;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.events.Procedure;
import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.platform.web.FieldViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AmbassadorFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static AmbassadorForm larry() {
        return new AmbassadorForm("Larry", "l", "SPINAL_STENOSIS", "LAMINECTOMY", 2021, "AGE_60_69", "MALE",
                List.of("en", "ES"), "tx", "America/Chicago", "PHONE", 3, "2022-02-14",
                "Signed consent form on file, scanned 2022-02-14");
    }

    @Test
    void aCompleteFormBecomesAnActiveAmbassador() {
        Ambassador a = larry().toAmbassador(UUID.randomUUID(), AmbassadorStatus.ACTIVE, 0, TODAY);

        assertThat(a.displayName()).isEqualTo("Larry L.");
        assertThat(a.procedure()).isEqualTo(Procedure.LAMINECTOMY);
        assertThat(a.languages()).containsExactlyInAnyOrder("en", "es");
        assertThat(a.state()).isEqualTo("TX");
        assertThat(a.canTakeNewConversation()).isTrue();
    }

    @Test
    void everyBrokenFieldIsNamedWithItsRule() {
        AmbassadorForm broken = new AmbassadorForm(" ", "Lo", "UNKNOWN", "TELEPORTATION", 1975, null, "MALE",
                List.of("english"), "Texas", "Mars/Olympus", "PIGEON", 0, "2030-01-01", " ");

        assertThatThrownBy(() -> broken.toAmbassador(UUID.randomUUID(), AmbassadorStatus.ACTIVE, 0, TODAY))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("firstName", "required"),
                                org.assertj.core.groups.Tuple.tuple("lastInitial", "size"),
                                org.assertj.core.groups.Tuple.tuple("condition", "one-of"),
                                org.assertj.core.groups.Tuple.tuple("procedure", "one-of"),
                                org.assertj.core.groups.Tuple.tuple("procedureYear", "range"),
                                org.assertj.core.groups.Tuple.tuple("ageBand", "required"),
                                org.assertj.core.groups.Tuple.tuple("languages[0]", "pattern"),
                                org.assertj.core.groups.Tuple.tuple("state", "size"),
                                org.assertj.core.groups.Tuple.tuple("timeZone", "time-zone"),
                                org.assertj.core.groups.Tuple.tuple("contactMode", "one-of"),
                                org.assertj.core.groups.Tuple.tuple("maxActive", "range"),
                                org.assertj.core.groups.Tuple.tuple("consentDate", "past-or-present"),
                                org.assertj.core.groups.Tuple.tuple("consentEvidence", "required")));
    }

    @Test
    void messagesNeverRepeatTheValueSubmitted() {
        AmbassadorForm broken = new AmbassadorForm("L4rry", "L", "SPINAL_STENOSIS", "LAMINECTOMY", 2021, "AGE_60_69",
                "MALE", List.of("en"), null, "America/Chicago", "PHONE", 3, "2022-02-14", "Recorded call, 2022-02-14");

        assertThatThrownBy(() -> broken.toAmbassador(UUID.randomUUID(), AmbassadorStatus.ACTIVE, 0, TODAY))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("firstName");
                    assertThat(e.violations().get(0).message()).doesNotContain("L4rry");
                    assertThat(e.getMessage()).doesNotContain("L4rry");
                });
    }

    @Test
    void theLocalStacksSyntheticAmbassadorsAreAllValid() {
        List<String> lines = LocalAmbassadorSeeder.read();

        assertThat(lines).hasSizeBetween(20, 30);
        assertThat(lines).allSatisfy(line -> LocalAmbassadorSeeder.form(line)
                .toAmbassador(LocalAmbassadorSeeder.idOf(line), AmbassadorStatus.ACTIVE, 0, TODAY));
        assertThat(lines.stream().map(LocalAmbassadorSeeder::idOf).distinct()).hasSameSizeAs(lines);
    }
}
