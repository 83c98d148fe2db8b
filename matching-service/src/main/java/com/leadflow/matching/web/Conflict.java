package com.leadflow.matching.web;

/** The request clashes with the record's state; answered with 409. The message is free of patient data. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
