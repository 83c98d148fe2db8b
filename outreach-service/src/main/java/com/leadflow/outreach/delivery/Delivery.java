package com.leadflow.outreach.delivery;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.EmailGateway;
import com.leadflow.outreach.link.AccessTokens;
import com.leadflow.outreach.link.Addresses;
import com.leadflow.outreach.link.StatusLinks;
import com.leadflow.outreach.message.Message;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.message.MessageState;
import com.leadflow.outreach.message.Messages;
import com.leadflow.outreach.message.StatusReports;
import com.leadflow.outreach.optout.Suppressions;
import com.leadflow.outreach.recipient.Channel;
import com.leadflow.outreach.recipient.Consent;
import com.leadflow.outreach.recipient.Recipient;
import com.leadflow.outreach.recipient.Recipients;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the due messages a batch at a time, deciding for each at the moment of sending: the lead
 * must be known, the stored consent must cover the channel, the address must not be on the
 * suppression list, and a text must be outside quiet hours (else it is held until they end).
 * Transient failures retry with exponential backoff; permanent ones end the message with the
 * reason, and an address refused outright is suppressed.
 *
 * <p>A batch costs three short JDBC transactions however many messages it holds, where one message
 * used to cost seven R2DBC round trips: the first takes the messages with a lease (one statement, so
 * no other sender has them) and reads their recipients and their addresses' suppressions; the
 * second stores the links they carry (committed before any goes out, so a link works the moment its
 * message arrives); the third records every outcome with its report on the timeline, in the
 * messages' order. Its emails share one connection to the mail server.
 *
 * <p>Each message's outcome is what it was when messages went one by one. So that a message still
 * sees what an earlier one did (a bounce that suppresses the address, say), a message to an address
 * an earlier message of the batch went to, or of a lead one of whose messages was given back, is
 * given back itself (its lease lifted at once) and goes in the next batch, after the earlier one's
 * outcome is committed; each lead's messages keep their order. Messages not sent within half the
 * lease are given back too, so a lease never runs out while its message is still to be sent here.
 *
 * <p>Should the sender die between sending and recording, the batch's leases run out and its
 * messages are sent again: delivery is at least once, as it always was (an email's Message-ID
 * lets the receiving side recognise the copy).
 */
@Component
public class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final Recipients recipients;
    private final Suppressions suppressions;
    private final Consent consent;
    private final SendingWindow window;
    private final Dispatch dispatch;
    private final AccessTokens tokens;
    private final StatusReports reports;
    private final ConsumerDatabase database;
    private final OutreachProperties.Delivery settings;
    private final Clock clock;

    public Delivery(Messages messages, Recipients recipients, Suppressions suppressions, Consent consent,
            SendingWindow window, Dispatch dispatch, AccessTokens tokens, StatusReports reports,
            ConsumerDatabase database, OutreachProperties properties, Clock clock) {
        this.messages = messages;
        this.recipients = recipients;
        this.suppressions = suppressions;
        this.consent = consent;
        this.window = window;
        this.dispatch = dispatch;
        this.tokens = tokens;
        this.reports = reports;
        this.database = database;
        this.settings = properties.delivery();
        this.clock = clock;
    }

    /** A message about to be sent. */
    private record Sending(int index, Message message, Suppressions.Address address, Dispatch.Ready ready) {
    }

    /** A batch as taken: the leased messages, their leads' recipients and which of their addresses are suppressed. */
    private record Taken(List<Message> leased, Map<UUID, Recipient> known,
            Map<Suppressions.Address, Suppressions.Reason> listed) {
    }

    /**
     * Takes up to {@code limit} due messages and delivers them.
     *
     * @return whether more may be due now: the batch was full, or some of it was given back
     */
    public boolean deliverDue(int limit) {
        Instant now = clock.instant();
        Instant sendBy = now.plus(settings.lease().dividedBy(2));
        Taken taken = take(now, limit);
        if (taken.leased().isEmpty()) {
            return false;
        }
        Batch batch = new Batch(taken.leased(), taken.known(), now);
        List<Sending> sending = new ArrayList<>();
        for (int i = 0; i < taken.leased().size(); i++) {
            decide(batch, i, taken, sendBy, now).ifPresent(sending::add);
        }

        List<AccessTokens.Issued> links = sending.stream().map(s -> s.ready().link()).filter(Objects::nonNull).toList();
        if (!links.isEmpty()) {
            database.inTransaction(() -> tokens.store(links));
        }

        try (EmailGateway.Connection smtp = dispatch.mailConnection()) {
            for (Sending s : sending) {
                send(batch, s, smtp, sendBy, now);
            }
        }

        database.inTransaction(batch::record);
        return taken.leased().size() == limit || batch.gaveBackAfterWork();
    }

    private void send(Batch batch, Sending s, EmailGateway.Connection smtp, Instant sendBy, Instant now) {
        if (batch.givenBack(s.index())) {
            return;
        }
        if (clock.instant().isAfter(sendBy)) {
            batch.giveBack(s.index());
            return;
        }
        Dispatch.Sent sent;
        try {
            sent = dispatch.send(s.ready(), smtp);
        } catch (RuntimeException e) {
            leftLeased(s.message(), e);
            return;
        }
        Message planned = s.message();
        if (sent.result() instanceof SendResult.Accepted accepted) {
            batch.finish(s.index(), planned, MessageState.SENT, null, accepted.providerId(),
                    reports.sent(planned, sent.how()));
        } else if (sent.result() instanceof SendResult.Transient failure) {
            retryOrFail(batch, s.index(), planned, now, failure.reason());
        } else if (sent.result() instanceof SendResult.Permanent failure) {
            if (failure.badAddress()) {
                batch.suppress(s.address());
            }
            batch.finish(s.index(), planned, MessageState.FAILED, failure.reason(), null,
                    reports.failed(planned, failure.reason()));
        }
    }

    /**
     * Everything about one message but the sending itself, in the batch's order: its outcome when it
     * cannot go now, else the message ready to send.
     */
    private Optional<Sending> decide(Batch batch, int i, Taken taken, Instant sendBy, Instant now) {
        Message message = taken.leased().get(i);
        if (batch.leadGivenBack(message)) {
            batch.giveBack(i);
            return Optional.empty();
        }
        Recipient to = taken.known().get(message.leadId());
        if (to == null) {
            retryOrFail(batch, i, message, now, "waiting for the lead's details");
            return Optional.empty();
        }
        Optional<Channel> chosen = message.kind() == MessageKind.INFO_KIT ? Optional.of(message.channel())
                : consent.forNote(to);
        if (chosen.isEmpty() || !consent.allows(chosen.get(), to)) {
            Channel channel = chosen.orElse(message.channel());
            String why = consent.whyNot(channel, to);
            batch.finish(i, message, MessageState.SUPPRESSED, why, null, reports.suppressed(message, why));
            return Optional.empty();
        }
        Channel channel = chosen.get();
        Message planned = channel == message.channel() ? message : withChannel(message, channel);
        Suppressions.Address address = addressOf(channel, to);
        if (!batch.claim(address) || clock.instant().isAfter(sendBy)) {
            batch.giveBack(i);
            return Optional.empty();
        }
        Suppressions.Reason suppressed = taken.listed().get(address);
        if (suppressed != null) {
            String why = suppressed.words();
            batch.finish(i, planned, MessageState.SUPPRESSED, why, null, reports.suppressed(planned, why));
            return Optional.empty();
        }
        if (channel == Channel.TEXT) {
            List<ZoneId> zones = SendingWindow.zonesOf(to.timeZone(), to.zipCode());
            Optional<Instant> hold = window.holdUntil(now, zones);
            if (hold.isPresent()) {
                LeadStatusChanged report = message.state() == MessageState.PENDING
                        ? reports.deferred(planned, until(hold.get(), zones)) : null;
                batch.hold(i, new Messages.Hold(message.id(), channel == message.channel() ? null : channel,
                        MessageState.DEFERRED, hold.get(), message.attempts(), "quiet hours"), report);
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Sending(i, planned, address, dispatch.prepare(planned, to, address.sha256(), now)));
        } catch (StatusLinks.Unavailable e) {
            retryOrFail(batch, i, planned, now, e.getMessage());
        } catch (RuntimeException e) {
            leftLeased(message, e);
        }
        return Optional.empty();
    }

    /**
     * Leases the batch and reads what deciding on it takes, in one transaction (committed before
     * anything is sent, so no other sender takes these messages): the recipients, and the
     * suppressions of every address they gave.
     */
    private Taken take(Instant now, int limit) {
        return database.inTransaction(() -> {
            List<Message> leased = messages.lease(now, now.plus(settings.lease()), limit);
            if (leased.isEmpty()) {
                return new Taken(leased, Map.of(), Map.of());
            }
            Map<UUID, Recipient> known = recipients.findAll(leased.stream().map(Message::leadId).distinct().toList());
            List<Suppressions.Address> addresses = known.values().stream().flatMap(to -> addressesOf(to).stream())
                    .toList();
            return new Taken(leased, known, suppressions.check(addresses));
        });
    }

    private static Suppressions.Address addressOf(Channel channel, Recipient to) {
        return new Suppressions.Address(channel, Addresses.hash(channel, channel == Channel.EMAIL ? to.email() : to.phone()));
    }

    /** Every address a visitor gave. */
    private static List<Suppressions.Address> addressesOf(Recipient to) {
        List<Suppressions.Address> addresses = new ArrayList<>(2);
        if (to.email() != null) {
            addresses.add(addressOf(Channel.EMAIL, to));
        }
        if (to.phone() != null) {
            addresses.add(addressOf(Channel.TEXT, to));
        }
        return addresses;
    }

    private void retryOrFail(Batch batch, int index, Message message, Instant now, String reason) {
        int attempts = message.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            String why = reason + "; gave up after " + attempts + " attempts";
            batch.finish(index, message, MessageState.FAILED, why, null, reports.failed(message, why));
            return;
        }
        Instant retryAt = now.plus(backoff(attempts));
        batch.hold(index, new Messages.Hold(message.id(), null, MessageState.PENDING, retryAt, attempts, reason), null);
        // the reason is the gateway's or intake's answer in plain words, never the address or the text
        log.info("Message {} not sent on attempt {}, tried again at {}: {}", message.id(), attempts, retryAt, reason);
    }

    /** Its lease runs out and a later batch delivers it; the message's content stays out of the log. */
    private static void leftLeased(Message message, RuntimeException e) {
        log.warn("Delivering message {} failed, it will be tried again: {}", message.id(), e.getClass().getSimpleName());
    }

    /** 1, 2, 4, 8 … times the initial backoff, at most the maximum. */
    Duration backoff(int attempts) {
        Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
    }

    private static Message withChannel(Message m, Channel channel) {
        return new Message(m.id(), m.leadId(), m.purpose(), m.kind(), channel, m.state(), m.attempts(), m.dueAt(),
                m.reason(), m.createdAt(), m.sentAt(), m.requestedBy());
    }

    /** When a held text goes, in the visitor's time when the zone is known. */
    private static String until(Instant at, List<ZoneId> zones) {
        if (zones.size() == 1) {
            return LOCAL.format(at.atZone(zones.get(0))) + " " + zones.get(0) + " time";
        }
        return LOCAL.format(at.atZone(ZoneOffset.UTC)) + " UTC (the visitor's time zone is unknown)";
    }

    /**
     * A batch's outcomes, one slot per message, recorded together in one transaction; the reports in
     * the order of the batch's messages. A message given back takes its lead's later messages in the
     * batch and its visitor's addresses with it, so each lead's messages, and each address's, keep
     * their order across batches.
     */
    private final class Batch {

        private final List<Message> leased;
        private final Map<UUID, Recipient> known;
        private final Instant now;
        private final Messages.Finish[] finished;
        private final Messages.Hold[] held;
        private final LeadStatusChanged[] reported;
        private final boolean[] givenBack;
        private final Set<UUID> leadsGivenBack = new HashSet<>();
        private final Set<Suppressions.Address> claimed = new HashSet<>();
        private final List<Suppressions.Address> undeliverable = new ArrayList<>();

        Batch(List<Message> leased, Map<UUID, Recipient> known, Instant now) {
            this.leased = leased;
            this.known = known;
            this.now = now;
            this.finished = new Messages.Finish[leased.size()];
            this.held = new Messages.Hold[leased.size()];
            this.reported = new LeadStatusChanged[leased.size()];
            this.givenBack = new boolean[leased.size()];
        }

        void finish(int index, Message message, MessageState state, String reason, String providerId,
                LeadStatusChanged report) {
            finished[index] = new Messages.Finish(message.id(), message.channel(), state, clock.instant(), reason,
                    providerId);
            reported[index] = report;
        }

        void hold(int index, Messages.Hold hold, LeadStatusChanged report) {
            held[index] = hold;
            reported[index] = report;
        }

        /** Whether this batch may send to the address: no earlier message in it went, or was to go, there. */
        boolean claim(Suppressions.Address address) {
            return claimed.add(address);
        }

        boolean leadGivenBack(Message message) {
            return leadsGivenBack.contains(message.leadId());
        }

        boolean givenBack(int index) {
            return givenBack[index];
        }

        /** Not worked in this batch, nor its lead's later messages in it: the next batch takes them at once. */
        void giveBack(int index) {
            UUID lead = leased.get(index).leadId();
            leadsGivenBack.add(lead);
            Recipient to = known.get(lead);
            if (to != null) {
                claimed.addAll(addressesOf(to));
            }
            for (int j = index; j < leased.size(); j++) {
                if (leased.get(j).leadId().equals(lead)) {
                    finished[j] = null;
                    held[j] = null;
                    reported[j] = null;
                    givenBack[j] = true;
                }
            }
        }

        /** The address was refused outright: nothing goes to it again. */
        void suppress(Suppressions.Address address) {
            undeliverable.add(address);
        }

        boolean gaveBackAfterWork() {
            boolean worked = false;
            boolean gaveBack = false;
            for (int i = 0; i < leased.size(); i++) {
                worked |= finished[i] != null || held[i] != null;
                gaveBack |= givenBack[i];
            }
            return worked && gaveBack;
        }

        void record() {
            messages.hold(present(held));
            messages.finish(present(finished));
            List<UUID> back = new ArrayList<>();
            for (int i = 0; i < leased.size(); i++) {
                if (givenBack[i]) {
                    back.add(leased.get(i).id());
                }
            }
            messages.release(back);
            for (Suppressions.Address address : undeliverable) {
                suppressions.add(address, Suppressions.Reason.UNDELIVERABLE, now);
            }
            for (LeadStatusChanged report : reported) {
                if (report != null) {
                    reports.add(report);
                }
            }
        }

        private static <T> List<T> present(T[] slots) {
            return java.util.Arrays.stream(slots).filter(Objects::nonNull).toList();
        }
    }
}
