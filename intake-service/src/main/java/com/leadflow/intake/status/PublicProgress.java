package com.leadflow.intake.status;

/**
 * How far a step got, in the words a visitor may see through the status link: never an outcome,
 * a finding or an insurance answer, since anyone holding the link sees it.
 */
public enum PublicProgress {
    /** Asked for, and no service has reported on it yet. */
    NOT_STARTED,
    RECEIVED,
    IN_PROGRESS,
    WAITING_FOR_YOU,
    DONE
}
