package com.leadflow.insurance.eligibility;

/**
 * A reject reason the payer returned (an AAA segment in spirit).
 *
 * @param code the AAA reject reason code, e.g. {@code 75} subscriber not found
 * @param followUpAction the AAA follow-up action code, e.g. {@code C} correct and resubmit, or null
 */
public record PayerError(String code, String followUpAction) {
}
