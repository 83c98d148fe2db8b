package com.leadflow.intake.lead;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Where the visitor came from: short UTM values, http(s) addresses, a first touch not in the future
 * and at most two years ago (the form keeps a first touch for one year).
 */
final class AttributionRules {

    static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration OLDEST_FIRST_TOUCH = Duration.ofDays(2 * 366);

    private AttributionRules() {
    }

    static ValidLead.Attribution check(Checks checks, LeadRequest.Attribution a, Instant now) {
        if (a == null) {
            return ValidLead.Attribution.NONE;
        }
        Instant firstTouch = null;
        if (checks.present(a.firstTouchAt())) {
            try {
                firstTouch = IsoText.instant(a.firstTouchAt().strip());
                if (firstTouch.isAfter(now.plus(CLOCK_SKEW))) {
                    checks.fail("attribution.firstTouchAt", "not-in-future", "The first visit cannot lie in the future.");
                } else if (firstTouch.isBefore(now.minus(OLDEST_FIRST_TOUCH))) {
                    checks.fail("attribution.firstTouchAt", "plausible-date", "A first visit at most two years ago.");
                }
            } catch (DateTimeException e) {
                checks.fail("attribution.firstTouchAt", "format", "Use an ISO-8601 instant like 2026-01-31T10:15:30Z.");
            }
        }
        return new ValidLead.Attribution(
                checks.text("attribution.utmSource", a.utmSource(), false, 200, null),
                checks.text("attribution.utmMedium", a.utmMedium(), false, 200, null),
                checks.text("attribution.utmCampaign", a.utmCampaign(), false, 200, null),
                checks.text("attribution.utmTerm", a.utmTerm(), false, 200, null),
                checks.text("attribution.utmContent", a.utmContent(), false, 200, null),
                checks.text("attribution.referrer", a.referrer(), false, 2000, URL),
                checks.text("attribution.landingPage", a.landingPage(), false, 2000, URL),
                firstTouch);
    }
}
