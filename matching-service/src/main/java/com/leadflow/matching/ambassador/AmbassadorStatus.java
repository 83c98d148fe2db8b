package com.leadflow.matching.ambassador;

/**
 * Whether an ambassador takes new conversations. A paused ambassador keeps the conversations
 * already running and may resume; a retired one withdrew consent and is never matched again.
 */
public enum AmbassadorStatus {
    ACTIVE, PAUSED, RETIRED
}
