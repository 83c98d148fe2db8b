package com.leadflow.outreach.local;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.internet.MimeMessage;

/**
 * A recipient of the local mail server whose deliveries go through {@link LocalMailServer#deliver},
 * so that each stored email is counted against the server's bound. GreenMail hands every incoming
 * email to the user its delivery handler returns; the server's handler returns this wrapper around
 * GreenMail's own user, and everything but delivering is that user's.
 */
record KeepingUser(GreenMailUser user, LocalMailServer server) implements GreenMailUser {

    @Override
    public void deliver(MovingMessage message) {
        server.deliver(() -> user.deliver(message), this);
    }

    @Override
    public void deliver(MimeMessage message) {
        server.deliver(() -> user.deliver(message), this);
    }

    @Override
    public String getEmail() {
        return user.getEmail();
    }

    @Override
    public String getLogin() {
        return user.getLogin();
    }

    @Override
    public void create() {
        user.create();
    }

    @Override
    public void delete() {
        user.delete();
    }

    @Override
    public String getPassword() {
        return user.getPassword();
    }

    @Override
    public void setPassword(String password) {
        user.setPassword(password);
    }

    @Override
    public void authenticate(String password) throws UserException {
        user.authenticate(password);
    }

    @Override
    public String getQualifiedMailboxName() {
        return user.getQualifiedMailboxName();
    }

    /** Not the address: a recipient's address is the visitor's, never in a log or an error. */
    @Override
    public String toString() {
        return "a recipient of the local mail server";
    }
}
