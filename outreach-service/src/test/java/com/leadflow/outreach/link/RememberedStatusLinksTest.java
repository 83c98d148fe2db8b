package com.leadflow.outreach.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What intake is asked, for a lead's messages: once for its link, again only after the remembered
 * answer expired or was pushed out, and every time while it has no link to give or cannot answer.
 */
class RememberedStatusLinksTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Intake intake = new Intake();
    private final RememberedStatusLinks links = new RememberedStatusLinks(intake, Duration.ofMinutes(15), 2, clock);

    @Test
    void aLeadsLaterMessagesAskIntakeOnce() {
        UUID lead = intake.knows("http://intake/status.html#abc");

        assertThat(links.of(lead)).contains("http://intake/status.html#abc");
        clock.advance(Duration.ofMinutes(5));
        assertThat(links.of(lead)).contains("http://intake/status.html#abc");
        assertThat(links.of(lead)).contains("http://intake/status.html#abc");

        assertThat(intake.asked).containsExactly(lead);
    }

    @Test
    void afterTheRememberedTimeIntakeIsAskedAgain() {
        UUID lead = intake.knows("http://intake/status.html#abc");
        links.of(lead);

        clock.advance(Duration.ofMinutes(15));
        links.of(lead);

        assertThat(intake.asked).containsExactly(lead, lead);
    }

    @Test
    void theLeastRecentlyUsedLeadIsForgottenFirst() {
        UUID first = intake.knows("http://intake/status.html#1");
        UUID second = intake.knows("http://intake/status.html#2");
        UUID third = intake.knows("http://intake/status.html#3");
        links.of(first);
        links.of(second);
        links.of(first);
        links.of(third);

        links.of(first);
        links.of(second);

        assertThat(intake.asked).containsExactly(first, second, third, second);
    }

    @Test
    void noLinkAndNoAnswerAreAskedAgainEveryTime() {
        UUID unknown = UUID.randomUUID();
        assertThat(links.of(unknown)).isEmpty();
        assertThat(links.of(unknown)).isEmpty();

        UUID lead = intake.knows("http://intake/status.html#abc");
        intake.away = true;
        assertThatThrownBy(() -> links.of(lead)).isInstanceOf(StatusLinks.Unavailable.class);
        intake.away = false;
        assertThat(links.of(lead)).contains("http://intake/status.html#abc");

        assertThat(intake.asked).containsExactly(unknown, unknown, lead, lead);
    }

    /** Stands in for intake's {@code GET /api/status-links/{leadId}}, counting the questions. */
    private static final class Intake implements StatusLinks {
        final Map<UUID, String> links = new HashMap<>();
        final List<UUID> asked = new ArrayList<>();
        boolean away;

        UUID knows(String link) {
            UUID lead = UUID.randomUUID();
            links.put(lead, link);
            return lead;
        }

        @Override
        public Optional<String> of(UUID leadId) {
            asked.add(leadId);
            if (away) {
                throw new Unavailable("intake answered HTTP 503 for the status link");
            }
            return Optional.ofNullable(links.get(leadId));
        }
    }
}
