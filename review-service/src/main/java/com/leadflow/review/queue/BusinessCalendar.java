package com.leadflow.review.queue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working days of the practice: Monday to Friday in the practice's time zone. Public holidays
 * are not known here and count as working days.
 */
public final class BusinessCalendar {

    private final ZoneId zone;

    public BusinessCalendar(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The instant {@code days} business days after {@code start}, at the same local time of day:
     * Friday 15:00 plus two business days is Tuesday 15:00. Weekend time never counts, so a start
     * on a Saturday or Sunday counts from midnight of the following Monday (plus two business days
     * is then Wednesday 00:00, i.e. the end of Tuesday).
     */
    public Instant plusBusinessDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        ZonedDateTime at = start.atZone(zone);
        if (!isBusinessDay(at.toLocalDate())) {
            LocalDate monday = at.toLocalDate();
            while (!isBusinessDay(monday)) {
                monday = monday.plusDays(1);
            }
            at = monday.atStartOfDay(zone);
        }
        int remaining = days;
        while (remaining > 0) {
            at = at.plusDays(1);
            if (isBusinessDay(at.toLocalDate())) {
                remaining--;
            }
        }
        return at.toInstant();
    }

    /** The practice's calendar date at {@code instant}. */
    public LocalDate dateAt(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
