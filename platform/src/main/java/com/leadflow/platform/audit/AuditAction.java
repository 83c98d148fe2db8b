package com.leadflow.platform.audit;

/** What a person did to a record. */
public enum AuditAction {
    VIEW, LIST, CREATE, UPDATE, CLAIM, RENEW, RELEASE, COMPLETE, CONTACT, DOWNLOAD, DELETE, REPLAY
}
