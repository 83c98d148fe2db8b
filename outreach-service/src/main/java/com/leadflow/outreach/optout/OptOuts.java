package com.leadflow.outreach.optout;

import com.leadflow.outreach.link.Addresses;
import com.leadflow.outreach.message.StatusReports;
import com.leadflow.outreach.recipient.Channel;
import com.leadflow.outreach.recipient.Recipients;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person said stop: by replying STOP to a text or through an email's unsubscribe link. Either
 * way they hear nothing more from outreach, by any channel: the address they used and every email
 * address and phone number of their leads go on the suppression list in one transaction, with an
 * opt-out on each lead's timeline. The list is checked before every send, so the messages
 * already waiting are suppressed too.
 */
@Component
public class OptOuts {

    private final Recipients recipients;
    private final Suppressions suppressions;
    private final StatusReports reports;
    private final TransactionalOperator tx;
    private final Clock clock;

    public OptOuts(Recipients recipients, Suppressions suppressions, StatusReports reports, TransactionalOperator tx,
            Clock clock) {
        this.recipients = recipients;
        this.suppressions = suppressions;
        this.reports = reports;
        this.tx = tx;
        this.clock = clock;
    }

    /** A text said STOP from this number. */
    public Mono<Void> stop(String phone) {
        return optOut(Channel.TEXT, Addresses.hash(Channel.TEXT, phone), recipients.withAddress(Channel.TEXT, phone),
                Suppressions.Reason.STOP, "The visitor replied STOP to a text: no more messages by any channel");
    }

    /** An unsubscribe link of an email to the address with this hash was used; {@code leadId} is the email's lead. */
    public Mono<Void> unsubscribe(String emailSha256, UUID leadId) {
        Flux<UUID> leads = recipients.find(leadId)
                .flatMapMany(lead -> lead.email() == null ? Flux.just(leadId)
                        : recipients.withAddress(Channel.EMAIL, lead.email()))
                .defaultIfEmpty(leadId);
        return optOut(Channel.EMAIL, emailSha256, leads, Suppressions.Reason.UNSUBSCRIBED,
                "The visitor unsubscribed through an email's link: no more messages by any channel");
    }

    private Mono<Void> optOut(Channel channel, String addressHash, Flux<UUID> leads, Suppressions.Reason reason,
            String summary) {
        Instant now = clock.instant();
        return tx.transactional(suppressions.add(channel, addressHash, reason, now)
                .thenMany(leads.distinct())
                .concatMap(leadId -> recipients.find(leadId)
                        .flatMap(lead -> suppress(Channel.EMAIL, lead.email(), reason, now)
                                .then(suppress(Channel.TEXT, lead.phone(), reason, now)))
                        .then(Mono.defer(() -> suppressions.markOptedOut(leadId, now)))
                        .filter(first -> first)
                        .flatMap(first -> reports.record(reports.optedOut(leadId, summary))))
                .then());
    }

    private Mono<Void> suppress(Channel channel, String address, Suppressions.Reason reason, Instant now) {
        return address == null ? Mono.empty() : suppressions.add(channel, Addresses.hash(channel, address), reason, now).then();
    }

}
