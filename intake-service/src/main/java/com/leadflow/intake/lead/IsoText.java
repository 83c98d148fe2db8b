package com.leadflow.intake.lead;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates and instants as the JDK's ISO parsers read them, but the spellings every browser sends
 * ({@code 1961-07-15}, {@code 2026-11-20T09:15:00Z}, {@code 2026-11-20T09:15:00.123Z}) read directly:
 * the parsers cost a visible part of a submission's CPU on the event loop. Whatever else is sent,
 * an impossible day or hour included, goes to the parser, so what is accepted and refused, and
 * how, stays the parser's.
 */
final class IsoText {

    private IsoText() {
    }

    /** {@link LocalDate#parse(CharSequence)}. */
    static LocalDate date(String text) {
        if (text.length() == 10 && isDate(text)) {
            try {
                return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
            } catch (DateTimeException impossible) {
                // the parser says why, in its own words
            }
        }
        return LocalDate.parse(text);
    }

    /** {@link Instant#parse(CharSequence)}. */
    static Instant instant(String text) {
        int length = text.length();
        boolean plain = (length == 20 || (length == 24 && text.charAt(19) == '.' && digits(text, 20, 23)))
                && text.charAt(length - 1) == 'Z' && isDate(text) && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && digits(text, 11, 13) && digits(text, 14, 16)
                && digits(text, 17, 19);
        // a leap second (:60) is the parser's to smooth
        if (plain && number(text, 17, 19) < 60) {
            try {
                long seconds = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10))
                        .atTime(number(text, 11, 13), number(text, 14, 16), number(text, 17, 19))
                        .toEpochSecond(ZoneOffset.UTC);
                return Instant.ofEpochSecond(seconds, length == 24 ? number(text, 20, 23) * 1_000_000L : 0);
            } catch (DateTimeException impossible) {
                // the parser says why, in its own words
            }
        }
        return Instant.parse(text);
    }

    private static boolean isDate(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4) && digits(text, 5, 7)
                && digits(text, 8, 10);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String digits, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }
}
