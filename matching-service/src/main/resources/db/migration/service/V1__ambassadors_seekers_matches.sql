-- Matching's own tables. Runs on PostgreSQL and on H2 (PostgreSQL mode).

-- Past patients who consented to talk with prospective ones. Only first name and last initial are kept.
create table ambassador (
    id              uuid         primary key,
    first_name      varchar(60)  not null,
    last_initial    varchar(1)   not null,
    condition_code  varchar(40)  not null,
    procedure_code  varchar(40)  not null,
    procedure_year  int          not null,
    age_band        varchar(20)  not null,
    gender          varchar(20)  not null,
    languages       varchar(200) not null, -- ISO 639-1 codes, comma-separated
    us_state        varchar(2),
    time_zone       varchar(60)  not null,
    contact_mode    varchar(20)  not null,
    max_active      int          not null,
    -- conversation slots in use; only ever changed by conditional updates, so it never passes max_active
    active_matches  int          not null default 0,
    status          varchar(20)  not null,
    consent_date    date         not null,
    last_matched_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint ambassador_active_matches_not_negative check (active_matches >= 0)
);
create index ambassador_available on ambassador (status, procedure_code, condition_code);

-- A lead as matching knows it: no name, no contact details, no birth date.
create table seeker (
    lead_id            varchar(100) primary key,
    match_state        varchar(20)  not null,
    connect_requested  boolean      not null,
    contact_consent    boolean      not null,
    condition_code     varchar(40),
    procedure_code     varchar(40),
    lead_arrived       boolean      not null,
    age_band           varchar(20),
    language           varchar(8),
    us_state           varchar(2),
    zip_prefix         varchar(3),
    time_zone          varchar(60),
    gender_preference  varchar(20),
    waitlisted_at      timestamp with time zone,
    updated_at         timestamp with time zone not null
);
create index seeker_waitlist on seeker (match_state, waitlisted_at);

-- A visitor paired with an ambassador, and how that went.
create table lead_match (
    id                 uuid         primary key,
    lead_id            varchar(100) not null references seeker (lead_id),
    ambassador_id      uuid         not null references ambassador (id),
    state              varchar(20)  not null,
    shared_condition   varchar(40),
    shared_procedure   varchar(40),
    reasons            text         not null, -- one reason per line
    proposed_at        timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    feedback_rating    int,
    feedback_comment   text
);
create index lead_match_lead on lead_match (lead_id);
create index lead_match_ambassador on lead_match (ambassador_id, state);
