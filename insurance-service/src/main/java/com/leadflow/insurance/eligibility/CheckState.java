package com.leadflow.insurance.eligibility;

/** Where an eligibility check stands. Every state but {@link #IN_PROGRESS} is final. */
public enum CheckState {
    IN_PROGRESS, VERIFIED, NOT_VERIFIED, PENDING_MANUAL, FAILED;

    public boolean isFinal() {
        return this != IN_PROGRESS;
    }

    static CheckState of(Verdict.Kind kind) {
        return switch (kind) {
            case VERIFIED -> VERIFIED;
            case NOT_VERIFIED -> NOT_VERIFIED;
            case PENDING_MANUAL -> PENDING_MANUAL;
            case FAILED -> FAILED;
            case TRANSIENT -> IN_PROGRESS;
        };
    }
}
