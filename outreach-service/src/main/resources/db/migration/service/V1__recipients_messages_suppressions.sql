-- outreach-service's own tables. Runs on PostgreSQL and on H2 (PostgreSQL mode).

-- Whom a lead's messages go to, copied from LeadSubmitted (PHI: never logged). Consent is what the
-- visitor agreed to on the form, with the version of the disclosure text they saw.
create table recipient (
    lead_id             uuid         primary key,
    first_name          varchar(100) not null,
    email               varchar(320),
    phone               varchar(20),
    zip_code            varchar(10)  not null,
    time_zone           varchar(60),
    language            varchar(8)   not null,
    preferred_channel   varchar(10)  not null,
    preferred_time      varchar(10)  not null,
    contact_consent     boolean      not null,
    disclosure_version  varchar(40)  not null,
    disclosure_sha256   varchar(64)  not null,
    condition           varchar(40)  not null,
    procedure           varchar(40),
    submitted_at        timestamp with time zone not null
);

-- Every message to a visitor, recorded in the transaction of the event that caused it (an outbox of
-- messages). purpose says why it exists and is unique per lead, so a redelivered event adds nothing.
create table message (
    id               uuid         primary key,
    -- no reference to recipient: a stage note may come before the lead, and waits for it
    lead_id          uuid         not null,
    purpose          varchar(120) not null,
    kind             varchar(20)  not null,
    channel          varchar(10)  not null,
    state            varchar(20)  not null,
    attempts         int          not null default 0,
    due_at           timestamp with time zone not null,
    leased_until     timestamp with time zone,
    reason           varchar(300),
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone,
    provider_id      varchar(200),
    requested_by     varchar(200),
    unique (lead_id, purpose)
);
create index message_due on message (state, due_at);

-- Addresses that must never get another message: opted out by STOP or the unsubscribe link, or
-- proven undeliverable. Kept as a SHA-256 of the normalised address, so the list holds no contact data.
create table suppression (
    channel         varchar(10)  not null,
    address_sha256  varchar(64)  not null,
    reason          varchar(40)  not null,
    created_at      timestamp with time zone not null,
    primary key (channel, address_sha256)
);

-- Secrets in links sent to a visitor (the kit's download link, the unsubscribe link), kept as a
-- SHA-256: whoever holds the link may use it; the database alone cannot rebuild it.
create table access_token (
    token_sha256    varchar(64)  primary key,
    purpose         varchar(20)  not null,
    message_id      uuid         not null references message (id),
    lead_id         uuid         not null,
    channel         varchar(10)  not null,
    address_sha256  varchar(64),
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index access_token_message on access_token (message_id);

-- Leads whose visitor opted out, so the timeline shows it once however often it is said.
create table opt_out (
    lead_id       uuid primary key,
    opted_out_at  timestamp with time zone not null
);
