package com.leadflow.outreach.delivery;

import com.leadflow.outreach.config.OutreachProperties;
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
import com.leadflow.outreach.link.Addresses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Delivers one message, deciding at the moment of sending: the lead must be known, the stored
 * consent must cover the channel, the address must not be on the suppression list, and a text
 * must be outside quiet hours (else it is held until they end). A message is taken with a lease
 * first, so no other sender has it; each outcome is recorded with its report on the timeline in
 * one transaction. Transient failures retry with exponential backoff; permanent ones end the
 * message with the reason, and an address refused outright is suppressed.
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
    private final StatusReports reports;
    private final TransactionalOperator tx;
    private final OutreachProperties.Delivery settings;
    private final Clock clock;

    public Delivery(Messages messages, Recipients recipients, Suppressions suppressions, Consent consent,
            SendingWindow window, Dispatch dispatch, StatusReports reports, TransactionalOperator tx,
            OutreachProperties properties, Clock clock) {
        this.messages = messages;
        this.recipients = recipients;
        this.suppressions = suppressions;
        this.consent = consent;
        this.window = window;
        this.dispatch = dispatch;
        this.reports = reports;
        this.tx = tx;
        this.settings = properties.delivery();
        this.clock = clock;
    }

    /** @return false when the message was not this sender's to deliver (taken, or no longer due) */
    public boolean deliver(UUID messageId) {
        Instant now = clock.instant();
        Message message = messages.lease(messageId, now, now.plus(settings.lease())).block();
        if (message == null) {
            return false;
        }
        Recipient to = recipients.find(message.leadId()).block();
        if (to == null) {
            retryOrFail(message, now, "waiting for the lead's details");
            return true;
        }
        Optional<Channel> chosen = message.kind() == MessageKind.INFO_KIT ? Optional.of(message.channel())
                : consent.forNote(to);
        if (chosen.isEmpty() || !consent.allows(chosen.get(), to)) {
            Channel channel = chosen.orElse(message.channel());
            finish(message, MessageState.SUPPRESSED, consent.whyNot(channel, to), reports.suppressed(message, consent.whyNot(channel, to)));
            return true;
        }
        Channel channel = chosen.get();
        Message planned = channel == message.channel() ? message : withChannel(message, channel);
        String address = channel == Channel.EMAIL ? to.email() : to.phone();
        String addressHash = Addresses.hash(channel, address);
        Optional<Suppressions.Reason> suppressed = suppressions.check(channel, addressHash).block();
        if (suppressed != null && suppressed.isPresent()) {
            String why = suppressed.get().words();
            finish(planned, MessageState.SUPPRESSED, why, reports.suppressed(planned, why));
            return true;
        }
        if (channel == Channel.TEXT) {
            List<ZoneId> zones = SendingWindow.zonesOf(to.timeZone(), to.zipCode());
            Optional<Instant> hold = window.holdUntil(now, zones);
            if (hold.isPresent()) {
                Mono<Void> report = message.state() == MessageState.PENDING
                        ? reports.deferred(planned, until(hold.get(), zones)) : Mono.empty();
                tx.transactional(channelChange(message, channel)
                        .then(messages.hold(message.id(), MessageState.DEFERRED, hold.get(), message.attempts(), "quiet hours"))
                        .then(report)).block();
                return true;
            }
        }
        Dispatch.Sent sent = dispatch.send(planned, to, addressHash, now);
        if (sent.result() instanceof SendResult.Accepted accepted) {
            finish(planned, MessageState.SENT, null, accepted.providerId(), reports.sent(planned, sent.how()));
        } else if (sent.result() instanceof SendResult.Transient failure) {
            retryOrFail(planned, now, failure.reason());
        } else if (sent.result() instanceof SendResult.Permanent failure) {
            Mono<?> suppress = failure.badAddress()
                    ? suppressions.add(channel, addressHash, Suppressions.Reason.UNDELIVERABLE, now) : Mono.empty();
            finish(planned, MessageState.FAILED, failure.reason(), null,
                    suppress.then(reports.failed(planned, failure.reason())));
        }
        return true;
    }

    private void retryOrFail(Message message, Instant now, String reason) {
        int attempts = message.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            String why = reason + "; gave up after " + attempts + " attempts";
            finish(message, MessageState.FAILED, why, reports.failed(message, why));
            return;
        }
        Instant retryAt = now.plus(backoff(attempts));
        tx.transactional(messages.hold(message.id(), MessageState.PENDING, retryAt, attempts, reason)).block();
        // the reason is the gateway's or intake's answer in plain words, never the address or the text
        log.info("Message {} not sent on attempt {}, tried again at {}: {}", message.id(), attempts, retryAt, reason);
    }

    /** 1, 2, 4, 8 … times the initial backoff, at most the maximum. */
    Duration backoff(int attempts) {
        Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
    }

    private void finish(Message message, MessageState state, String reason, Mono<Void> report) {
        finish(message, state, reason, null, report);
    }

    private void finish(Message message, MessageState state, String reason, String providerId, Mono<?> report) {
        tx.transactional(messages.finish(message.id(), message.channel(), state, clock.instant(), reason, providerId)
                .then(report)).block();
    }

    private Mono<Void> channelChange(Message message, Channel channel) {
        return channel == message.channel() ? Mono.empty() : messages.useChannel(message.id(), channel);
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
}
