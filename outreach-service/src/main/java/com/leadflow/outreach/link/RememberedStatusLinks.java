package com.leadflow.outreach.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps intake's answer for a lead in memory for a short while, so the confirmation and the notes that
 * follow it minutes later ask intake once rather than once each: a lead of the usual mix gets about four
 * messages, and each question cost intake a request, a query and an audit row. A lead's status link
 * never changes, so a remembered one is never stale. Only links are kept (not "no such lead", nor a
 * failure: those are asked again), in this process's memory only, never in the database or a log, for
 * at most {@code keepFor}, and for at most {@code capacity} leads (the least recently used go first).
 */
public class RememberedStatusLinks implements StatusLinks {

    private record Remembered(String url, Instant until) {
    }

    private final StatusLinks intake;
    private final Duration keepFor;
    private final Clock clock;
    private final Map<UUID, Remembered> links;

    public RememberedStatusLinks(StatusLinks intake, Duration keepFor, int capacity, Clock clock) {
        this.intake = intake;
        this.keepFor = keepFor;
        this.clock = clock;
        this.links = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<String> of(UUID leadId) {
        Instant now = clock.instant();
        synchronized (links) {
            Remembered remembered = links.get(leadId);
            if (remembered != null && now.isBefore(remembered.until())) {
                return Optional.of(remembered.url());
            }
            links.remove(leadId);
        }
        Optional<String> answer = intake.of(leadId);
        answer.ifPresent(url -> {
            synchronized (links) {
                links.put(leadId, new Remembered(url, now.plus(keepFor)));
            }
        });
        return answer;
    }
}
