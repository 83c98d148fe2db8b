package com.leadflow.ops.replay;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.deadletter.DeadLetter;
import com.leadflow.ops.deadletter.DeadLetter.Coordinates;
import com.leadflow.ops.deadletter.DeadLetterInbox;
import com.leadflow.ops.replay.ReplayPlan.Action;
import com.leadflow.ops.replay.ReplayPlan.Item;
import com.leadflow.platform.web.ConflictException;
import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.InvalidRequestException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Plans replays. A replay is always planned first (the dry run) and then carried out exactly as
 * planned, by the plan's id: ops see what will be sent before anything is. A dead letter whose
 * event has been replayed {@code cap} times is parked instead: it needs a person, not another try.
 */
public class ReplayService {

    private static final int KEPT_PLANS = 50;

    private final DeadLetterInbox inbox;
    private final ReplayAudit audit;
    private final ReplaySender sender;
    private final OpsProperties.Replay limits;
    private final Clock clock;
    private final Map<UUID, ReplayPlan> plans = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ReplayPlan> eldest) {
            return size() > KEPT_PLANS;
        }
    };

    public ReplayService(DeadLetterInbox inbox, ReplayAudit audit, ReplaySender sender, OpsProperties properties,
            Clock clock) {
        this.inbox = inbox;
        this.audit = audit;
        this.sender = sender;
        this.limits = properties.replay();
        this.clock = clock;
    }

    /** The dry run: what a replay of this selection would send and park. Nothing is sent. */
    public ReplayPlan plan(ReplaySelection selection, String actor) {
        List<DeadLetter> chosen = select(selection);
        if (chosen.isEmpty()) {
            throw InvalidRequestException.of(selection.byName() ? "deadLetters" : "originalTopic", "no-match",
                    "No dead letter waiting for a replay matches this selection.");
        }
        if (chosen.size() > limits.maxRecords()) {
            throw InvalidRequestException.of("body", "too-many",
                    "The selection matches " + chosen.size() + " dead letters; one replay sends at most "
                            + limits.maxRecords() + ". Narrow the time range.");
        }
        List<Item> items = chosen.stream().map(this::item).toList();
        int toPark = (int) items.stream().filter(item -> item.action() == Action.PARK).count();
        var plan = new ReplayPlan(UUID.randomUUID(), clock.instant(), actor, selection.describe(),
                items.size() - toPark, toPark, items);
        synchronized (plans) {
            plans.put(plan.planId(), plan);
        }
        return plan;
    }

    /** Carries out a dry run's plan, with the reason ops gave; audited record by record. */
    public ReplayOutcome replay(UUID planId, String reason, String actor, String correlationId) {
        List<FieldViolation> problems = new ArrayList<>();
        if (planId == null) {
            problems.add(new FieldViolation("planId", "required", "Run a dry run first and replay its plan."));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldViolation("reason", "required", "Say why these dead letters are replayed."));
        } else if (reason.length() > 500) {
            problems.add(new FieldViolation("reason", "max-length", "The reason may be at most 500 characters."));
        } else if (reason.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            problems.add(new FieldViolation("reason", "format", "The reason may not contain control characters."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ReplayPlan plan;
        synchronized (plans) {
            plan = plans.remove(planId);
        }
        if (plan == null) {
            throw new ConflictException("This plan is unknown, expired or already carried out: run the dry run again.");
        }
        if (plan.plannedAt().plus(limits.planTtl()).isBefore(clock.instant())) {
            throw new ConflictException("This plan is older than " + limits.planTtl().toMinutes()
                    + " minutes: run the dry run again.");
        }
        // the cap is checked again: another replay may have run since the dry run
        List<Item> items = plan.items().stream()
                .map(item -> inbox.find(item.deadLetter()).map(this::item).orElse(item))
                .toList();
        return sender.send(items, reason.strip(), actor, plan.selection(), correlationId);
    }

    private Item item(DeadLetter letter) {
        int times = audit.timesReplayed(letter.coordinates());
        int replayCount = letter.replayCount() + times + 1;
        boolean park = replayCount > limits.cap();
        String note = park
                ? "Replayed " + (replayCount - 1) + " times already (the cap is " + limits.cap() + "): parked, not sent"
                : times > 0 ? "Replayed " + times + " time" + (times == 1 ? "" : "s")
                        + " already; consumers apply the event once, so a repeat changes nothing" : null;
        return new Item(letter.coordinates(), letter.leadId(), letter.eventId(), letter.eventType(),
                letter.originalTopic(), letter.group(), letter.reason(), letter.at(), times, replayCount,
                park ? Action.PARK : Action.REPLAY, note);
    }

    private List<DeadLetter> select(ReplaySelection selection) {
        List<DeadLetter> all = inbox.all();
        if (selection.byName()) {
            List<FieldViolation> unknown = new ArrayList<>();
            List<DeadLetter> chosen = new ArrayList<>();
            for (int i = 0; i < selection.deadLetters().size(); i++) {
                ReplaySelection.Named named = selection.deadLetters().get(i);
                Optional<DeadLetter> found = named.topic() == null || named.partition() == null || named.offset() == null
                        ? Optional.empty()
                        : inbox.find(new Coordinates(named.topic(), named.partition(), named.offset()));
                String field = "deadLetters[" + i + "]";
                found.ifPresentOrElse(chosen::add, () -> unknown.add(new FieldViolation(field, "unknown",
                        "No such dead letter (topic, partition and offset name one).")));
            }
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException(unknown);
            }
            return chosen.stream().distinct().toList();
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (selection.originalTopic() == null || selection.originalTopic().isBlank()) {
            problems.add(new FieldViolation("originalTopic", "required",
                    "Name the dead letters one by one, or the original topic of a group of them."));
        }
        if (selection.from() != null && selection.to() != null && selection.from().isAfter(selection.to())) {
            problems.add(new FieldViolation("from", "before-to", "The time range must start before it ends."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Predicate<DeadLetter> matches = letter -> letter.originalTopic().equals(selection.originalTopic())
                && (selection.group() == null || selection.group().equals(letter.group()))
                && (selection.reason() == null || selection.reason().equals(letter.reason()))
                && (selection.from() == null || !letter.at().isBefore(selection.from()))
                && (selection.to() == null || !letter.at().isAfter(selection.to()))
                // a group replay leaves out what was replayed already; name one to replay it again
                && audit.timesReplayed(letter.coordinates()) == 0;
        return all.stream().filter(matches).toList();
    }
}
