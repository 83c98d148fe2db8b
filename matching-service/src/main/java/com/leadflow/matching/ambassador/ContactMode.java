package com.leadflow.matching.ambassador;

/** How an ambassador prefers to talk with a prospective patient. */
public enum ContactMode {
    PHONE, VIDEO, EMAIL, TEXT
}
