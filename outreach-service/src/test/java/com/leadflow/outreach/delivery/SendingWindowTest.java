package com.leadflow.outreach.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quiet hours in the visitor's own time, from the ZIP code when the form gave no zone. */
class SendingWindowTest {

    private final SendingWindow window = new SendingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0));

    @Test
    void zipPrefixesNameTheirTimeZoneIncludingSplitStates() {
        assertThat(ZipTimeZones.of("10001")).contains(ZoneId.of("America/New_York"));
        assertThat(ZipTimeZones.of("75201")).contains(ZoneId.of("America/Chicago"));
        assertThat(ZipTimeZones.of("79901")).as("El Paso").contains(ZoneId.of("America/Denver"));
        assertThat(ZipTimeZones.of("32501")).as("Pensacola").contains(ZoneId.of("America/Chicago"));
        assertThat(ZipTimeZones.of("85001")).contains(ZoneId.of("America/Phoenix"));
        assertThat(ZipTimeZones.of("94110")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(ZipTimeZones.of("96813")).contains(ZoneId.of("Pacific/Honolulu"));
        assertThat(ZipTimeZones.of("00100")).isEmpty();
        assertThat(ZipTimeZones.of("ab123")).isEmpty();
    }

    @Test
    void aTextAtHalfPastTenAtNightWaitsForEightTheNextMorning() {
        List<ZoneId> dallas = SendingWindow.zonesOf(null, "75201");

        assertThat(window.holdUntil(Instant.parse("2026-12-02T04:30:00Z"), dallas))
                .contains(Instant.parse("2026-12-02T14:00:00Z"));
        assertThat(window.holdUntil(Instant.parse("2026-12-02T13:59:59Z"), dallas))
                .contains(Instant.parse("2026-12-02T14:00:00Z"));
        assertThat(window.holdUntil(Instant.parse("2026-12-02T14:00:00Z"), dallas)).isEmpty();
        assertThat(window.holdUntil(Instant.parse("2026-12-02T02:59:59Z"), dallas)).as("20:59:59").isEmpty();
        assertThat(window.holdUntil(Instant.parse("2026-12-02T03:00:00Z"), dallas)).as("21:00")
                .contains(Instant.parse("2026-12-02T14:00:00Z"));
    }

    @Test
    void theFormsOwnTimeZoneWinsOverTheZipCode() {
        assertThat(SendingWindow.zonesOf("America/New_York", "94110")).containsExactly(ZoneId.of("America/New_York"));
        assertThat(SendingWindow.zonesOf("Not/AZone", "94110")).containsExactly(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void withNoKnownZoneATextGoesOnlyWhenItIsDaytimeEverywhereInTheUs() {
        List<ZoneId> unknown = SendingWindow.zonesOf(null, "00100");

        // 09:00 in New York is 04:00 in Honolulu: too early there
        Instant held = window.holdUntil(Instant.parse("2026-12-02T14:00:00Z"), unknown).orElseThrow();
        for (ZoneId zone : unknown) {
            LocalTime local = held.atZone(zone).toLocalTime();
            assertThat(local).as(zone.getId()).isBetween(LocalTime.of(8, 0), LocalTime.of(20, 59, 59));
        }
        assertThat(held).isEqualTo(Instant.parse("2026-12-02T18:00:00Z"));
    }
}
