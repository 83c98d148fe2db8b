package com.leadflow.outreach.local;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real SMTP server inside the service, for the local stack: GreenMail, on {@code spring.mail.port}
 * for sending and an IMAP port for reading (login and password: the recipient's address). Care
 * managers also see the received mail at {@code /local/mail}. Never enabled in production.
 *
 * <p>It keeps only the newest {@code keep} emails. GreenMail on its own keeps every email it ever
 * got, in this service's heap: over a benchmark run of some 19,000 leads that is more than the heap
 * holds, and the service's CPU goes to the garbage collector copying old mail nobody reads. Each
 * email, as it is stored, is numbered and put at the end of one queue; once the queue holds more
 * than {@code keep}, its oldest email is expunged from its recipient's inbox (a search of that one
 * inbox, a few emails, not of the whole store), so IMAP readers see it go too.
 */
public class LocalMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

    /** An email the server still keeps, numbered in the order emails arrived (from 1). */
    public record Received(long number, MimeMessage message) {
    }

    private record Kept(long number, MailFolder inbox, long uid, MimeMessage message) {
    }

    private final GreenMail greenMail;
    private final ImapHostManager mailboxes;
    private final int keep;
    /** Oldest first; guarded by this. */
    private final ArrayDeque<Kept> newest = new ArrayDeque<>();
    /** Guarded by this. */
    private long arrived;

    public LocalMailServer(int smtpPort, int imapPort, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("The local mail server must keep at least one email");
        }
        this.keep = keep;
        // the server parses every email it receives with the same libraries
        com.leadflow.outreach.email.MailProviders.named();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        mailboxes = greenMail.getManagers().getImapHostManager();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler recipients = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> new KeepingUser(recipients.handle(message, address), this));
        log.info("Local mail server (GreenMail): SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}, keeps the newest {} emails",
                smtpPort, imapPort, keep);
    }

    /** The emails kept, newest first. */
    public synchronized List<Received> received() {
        List<Received> all = new ArrayList<>(newest.size());
        for (Iterator<Kept> it = newest.descendingIterator(); it.hasNext();) {
            Kept kept = it.next();
            all.add(new Received(kept.number(), kept.message()));
        }
        return all;
    }

    /** One email by its number, while it is kept. */
    public synchronized Optional<MimeMessage> received(long number) {
        for (Kept kept : newest) {
            if (kept.number() == number) {
                return Optional.of(kept.message());
            }
        }
        return Optional.empty();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    /**
     * Stores one email in its recipient's inbox and forgets the oldest beyond {@code keep}, as one
     * step: SMTP sessions deliver on threads of their own, and the queue's order must be the inboxes'.
     */
    synchronized void deliver(Runnable store, KeepingUser recipient) {
        store.run();
        try {
            MailFolder inbox = mailboxes.getInbox(recipient.user());
            long[] uids = inbox.getMessageUids();
            long uid = uids[uids.length - 1];
            newest.addLast(new Kept(++arrived, inbox, uid, inbox.getMessage(uid).getMimeMessage()));
            while (newest.size() > keep) {
                forget(newest.removeFirst());
            }
        } catch (FolderException e) {
            throw new IllegalStateException("The local mail server lost track of an inbox", e);
        }
    }

    private static void forget(Kept oldest) throws FolderException {
        StoredMessage stored = oldest.inbox().getMessage(oldest.uid());
        if (stored == null) {
            return; // an IMAP reader deleted it already
        }
        oldest.inbox().setFlags(new Flags(Flags.Flag.DELETED), true, oldest.uid(), null, false);
        oldest.inbox().expunge(new IdRange[] {new IdRange(oldest.uid())});
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
