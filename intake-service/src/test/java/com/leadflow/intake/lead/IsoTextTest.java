package com.leadflow.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the form's dates and instants read as: exactly what the JDK's ISO parsers make of them. */
class IsoTextTest {

    @Test
    void datesReadAsTheIsoParserReadsThem() {
        for (String date : List.of("1961-07-15", "1960-02-29", "2000-02-29", "0001-01-01", "9999-12-31")) {
            assertThat(IsoText.date(date)).as(date).isEqualTo(LocalDate.parse(date));
        }
        for (String impossible : List.of("1961-02-29", "1900-02-29", "1961-13-01", "1961-00-10", "1961-04-31",
                "1961-07-00", "1961-7-15", "1961/07/15", "15.07.1961", "1961-07-15T08:00", "19610715", "1961-07-1x",
                "-961-07-15", "")) {
            assertThatThrownBy(() -> IsoText.date(impossible)).as(impossible).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void instantsReadAsTheIsoParserReadsThem() {
        for (String instant : List.of("2026-11-20T09:15:00Z", "2026-11-20T09:15:00.123Z", "2024-02-29T23:59:59.999Z",
                "1970-01-01T00:00:00Z", "2026-11-20T09:15:00.5Z", "2026-11-20T09:15:00.123456Z", "2026-11-20T24:00:00Z",
                "2026-12-31T23:59:60Z", "2026-11-20T10:15:00+01:00")) {
            assertThat(IsoText.instant(instant)).as(instant).isEqualTo(Instant.parse(instant));
        }
        for (String impossible : List.of("2026-11-20T09:15Z", "2026-11-20T09:60:00Z", "2026-02-30T09:15:00Z",
                "2026-11-20 09:15:00Z", "2026-11-20T09:15:00", "2026-11-20T09:15:00.12xZ", "2026-11-20", "soon")) {
            assertThatThrownBy(() -> IsoText.instant(impossible)).as(impossible).isInstanceOf(DateTimeException.class);
        }
    }
}
