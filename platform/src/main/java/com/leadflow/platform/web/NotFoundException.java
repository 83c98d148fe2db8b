package com.leadflow.platform.web;

/**
 * The record a request names does not exist; answered with 404 problem details. The detail names
 * the kind of record ("Review not found"), never its content, so it is safe to show and log.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String phiFreeDetail) {
        super(phiFreeDetail);
    }
}
