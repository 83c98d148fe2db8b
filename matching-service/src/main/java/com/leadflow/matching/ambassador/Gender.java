package com.leadflow.matching.ambassador;

/** An ambassador's gender, as they chose to state it; matched against a visitor's preference. */
public enum Gender {
    FEMALE, MALE, NON_BINARY, UNDISCLOSED
}
