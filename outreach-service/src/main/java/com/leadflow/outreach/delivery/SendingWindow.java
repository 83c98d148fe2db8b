package com.leadflow.outreach.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Quiet hours for texts: none before {@code earliest} or from {@code latest} on, in the visitor's
 * time zone. The zone comes from the lead (when the form knew it) or the ZIP code; when neither
 * gives one, a text goes only at a time that is inside the window in every US zone, so no one is
 * texted at night because their zone was unknown.
 */
public final class SendingWindow {

    private final LocalTime earliest;
    private final LocalTime latest;

    public SendingWindow(LocalTime earliest, LocalTime latest) {
        if (!earliest.isBefore(latest)) {
            throw new IllegalArgumentException("quiet hours must end before they start again");
        }
        this.earliest = earliest;
        this.latest = latest;
    }

    /** The zones a visitor may be in: one when known, else all US zones. */
    public static List<ZoneId> zonesOf(String timeZone, String zipCode) {
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                return List.of(ZoneId.of(timeZone));
            } catch (java.time.DateTimeException unknown) {
                // fall back to the ZIP code
            }
        }
        return ZipTimeZones.of(zipCode).map(List::of).orElse(ZipTimeZones.US_ZONES);
    }

    /** Empty when a text may go at {@code now}; otherwise the first moment after it when it may. */
    public Optional<Instant> holdUntil(Instant now, List<ZoneId> zones) {
        Instant candidate = now;
        // each step moves to the next opening of a zone that is closed; settles within a day or two
        for (int step = 0; step < 16; step++) {
            Instant next = candidate;
            for (ZoneId zone : zones) {
                next = max(next, opening(next, zone));
            }
            if (next.equals(candidate)) {
                return candidate.equals(now) ? Optional.empty() : Optional.of(candidate);
            }
            candidate = next;
        }
        throw new IllegalStateException("no moment is outside quiet hours in every zone");
    }

    /** {@code at} itself when the zone's window is open then, else the window's next opening. */
    private Instant opening(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(earliest) && time.isBefore(latest)) {
            return at;
        }
        ZonedDateTime opening = local.toLocalDate().atTime(earliest).atZone(zone);
        return (time.isBefore(earliest) ? opening : opening.plusDays(1)).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
