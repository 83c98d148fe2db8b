package com.leadflow.matching.web;

/** The record asked for does not exist; answered with 404. The message names the kind of record, never its content. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
