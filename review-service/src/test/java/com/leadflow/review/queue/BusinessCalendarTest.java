package com.leadflow.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final BusinessCalendar calendar = new BusinessCalendar(NEW_YORK);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    @Test
    void twoBusinessDaysFromMondayEndOnWednesdayAtTheSameTime() {
        // 2026-11-23 is a Monday
        assertThat(calendar.plusBusinessDays(at("2026-11-23T10:15:00"), 2)).isEqualTo(at("2026-11-25T10:15:00"));
    }

    @Test
    void twoBusinessDaysFromFridayAfternoonSkipTheWeekend() {
        assertThat(calendar.plusBusinessDays(at("2026-11-27T15:00:00"), 2)).isEqualTo(at("2026-12-01T15:00:00"));
    }

    @Test
    void aReviewQueuedOnSaturdayCountsFromMondayMorning() {
        assertThat(calendar.plusBusinessDays(at("2026-11-28T11:00:00"), 2)).isEqualTo(at("2026-12-02T00:00:00"));
    }

    @Test
    void aReviewQueuedOnSundayNightCountsFromMondayMorning() {
        assertThat(calendar.plusBusinessDays(at("2026-11-29T23:30:00"), 1)).isEqualTo(at("2026-12-01T00:00:00"));
    }

    @Test
    void fiveBusinessDaysAreOneCalendarWeek() {
        assertThat(calendar.plusBusinessDays(at("2026-11-25T09:00:00"), 5)).isEqualTo(at("2026-12-02T09:00:00"));
    }

    @Test
    void businessDaysAreCountedInThePracticesZoneAcrossDaylightSavingChanges() {
        // DST ends Sunday 2026-11-01 in New York: Friday 09:00 plus one business day is Monday 09:00 local
        assertThat(calendar.plusBusinessDays(at("2026-10-30T09:00:00"), 1)).isEqualTo(at("2026-11-02T09:00:00"));
    }

    @Test
    void aFridayEveningInNewYorkIsStillFridayThoughItIsSaturdayInUtc() {
        Instant fridayEvening = at("2026-11-27T21:00:00");
        assertThat(calendar.plusBusinessDays(fridayEvening, 1)).isEqualTo(at("2026-11-30T21:00:00"));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> calendar.plusBusinessDays(Instant.now(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
