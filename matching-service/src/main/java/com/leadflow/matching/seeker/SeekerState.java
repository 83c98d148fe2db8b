package com.leadflow.matching.seeker;

/** Where a lead stands with matching. */
public enum SeekerState {
    /** A review outcome arrived before the lead itself; kept until the lead does. */
    AWAITING_LEAD,
    /** The visitor did not ask to talk with a past patient. */
    NOT_REQUESTED,
    /** The visitor asked, but did not consent to be contacted. */
    NOT_ELIGIBLE,
    /** Nobody fits or has room yet; matched as soon as someone does. */
    WAITLISTED,
    /** A match is proposed or accepted. */
    MATCHED,
    /** The conversation took place. */
    CONNECTED
}
