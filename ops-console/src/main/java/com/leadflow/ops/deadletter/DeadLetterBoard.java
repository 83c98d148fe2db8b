package com.leadflow.ops.deadletter;

import com.leadflow.ops.deadletter.DeadLetter.Coordinates;
import com.leadflow.ops.deadletter.DeadLetterSummary.Group;
import com.leadflow.ops.deadletter.DeadLetterSummary.TopicDepth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Where each dead letter stands: waiting for a look, replayed, or parked (its event was replayed
 * as often as the cap allows and died again: a person has to decide).
 */
public class DeadLetterBoard {

    public enum Status { WAITING, REPLAYED, PARKED }

    private final ToIntFunction<Coordinates> timesReplayed;
    private final int cap;

    public DeadLetterBoard(ToIntFunction<Coordinates> timesReplayed, int cap) {
        this.timesReplayed = timesReplayed;
        this.cap = cap;
    }

    public Status status(DeadLetter letter) {
        if (letter.replayCount() >= cap) {
            return Status.PARKED;
        }
        return timesReplayed.applyAsInt(letter.coordinates()) > 0 ? Status.REPLAYED : Status.WAITING;
    }

    public List<View> views(List<DeadLetter> letters) {
        List<View> views = new ArrayList<>();
        for (DeadLetter letter : letters) {
            views.add(new View(letter, status(letter), timesReplayed.applyAsInt(letter.coordinates())));
        }
        return views;
    }

    public DeadLetterSummary summarize(List<DeadLetter> letters) {
        Map<String, TopicDepth> byTopic = new TreeMap<>();
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (DeadLetter letter : letters) {
            Status status = status(letter);
            boolean waiting = status == Status.WAITING;
            byTopic.merge(letter.topic(), new TopicDepth(1, waiting ? 1 : 0, status == Status.PARKED ? 1 : 0,
                    waiting ? letter.at() : null), DeadLetterBoard::add);
            List<String> key = List.of(letter.originalTopic(), letter.group(), letter.reason());
            Group one = new Group(letter.originalTopic(), letter.group(), letter.reason(), 1, waiting ? 1 : 0,
                    status == Status.REPLAYED ? 1 : 0, status == Status.PARKED ? 1 : 0, letter.at(), letter.at(),
                    waiting ? letter.at() : null);
            groups.merge(key, one, DeadLetterBoard::add);
        }
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparing(Group::waiting).reversed().thenComparing(Group::lastSeen, Comparator.reverseOrder()));
        return new DeadLetterSummary(byTopic, List.copyOf(sorted));
    }

    private static TopicDepth add(TopicDepth a, TopicDepth b) {
        return new TopicDepth(a.total() + b.total(), a.waiting() + b.waiting(), a.parked() + b.parked(),
                later(a.newestAt(), b.newestAt()));
    }

    private static Group add(Group a, Group b) {
        return new Group(a.originalTopic(), a.group(), a.reason(), a.count() + b.count(), a.waiting() + b.waiting(),
                a.replayed() + b.replayed(), a.parked() + b.parked(), earlier(a.firstSeen(), b.firstSeen()),
                later(a.lastSeen(), b.lastSeen()), earlier(a.oldestWaitingAt(), b.oldestWaitingAt()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** A dead letter with where it stands, as the page lists it. */
    public record View(DeadLetter deadLetter, Status status, int timesReplayed) {
    }
}
