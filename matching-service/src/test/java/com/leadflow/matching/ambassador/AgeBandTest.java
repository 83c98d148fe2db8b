package com.leadflow.matching.ambassador;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aBirthDateBecomesItsDecade() {
        assertThat(AgeBand.of(LocalDate.of(2000, 1, 1), TODAY)).isEqualTo(AgeBand.UNDER_30);
        assertThat(AgeBand.of(LocalDate.of(1996, 11, 25), TODAY)).isEqualTo(AgeBand.AGE_30_39);
        assertThat(AgeBand.of(LocalDate.of(1996, 11, 26), TODAY)).isEqualTo(AgeBand.UNDER_30);
        assertThat(AgeBand.of(LocalDate.of(1961, 6, 1), TODAY)).isEqualTo(AgeBand.AGE_60_69);
        assertThat(AgeBand.of(LocalDate.of(1930, 6, 1), TODAY)).isEqualTo(AgeBand.AGE_70_PLUS);
    }

    @Test
    void closenessIsCountedInBands() {
        assertThat(AgeBand.AGE_60_69.distanceTo(AgeBand.AGE_60_69)).isZero();
        assertThat(AgeBand.AGE_60_69.distanceTo(AgeBand.AGE_40_49)).isEqualTo(2);
    }
}
