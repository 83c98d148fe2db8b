package com.leadflow.platform.web;

/**
 * The request clashes with the record's current state (a check still running, a match already
 * declined); answered with 409 problem details. The detail says what clashes, never patient data.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String phiFreeDetail) {
        super(phiFreeDetail);
    }
}
