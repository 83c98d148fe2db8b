package com.leadflow.intake.evidence;

/** Where a submission came from, as evidence of consent: the client's IP and its user agent. */
public record RequestOrigin(String ipAddress, String userAgent) {
}
