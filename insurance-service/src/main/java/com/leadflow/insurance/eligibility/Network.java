package com.leadflow.insurance.eligibility;

/** Whether the practice is in the plan's network for the coverage. */
public enum Network {
    IN_NETWORK, OUT_OF_NETWORK, UNKNOWN
}
