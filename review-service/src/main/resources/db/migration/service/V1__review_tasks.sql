-- Review tasks: only what a clinician needs to review imaging; no name, contact, date of birth or insurance.
-- Runs on PostgreSQL and on H2 (PostgreSQL mode).
create table review_task (
    review_id             varchar(36)  primary key,
    lead_id               varchar(100) not null unique,
    status                varchar(30)  not null,
    priority              varchar(20)  not null,
    spine_condition       varchar(60)  not null,
    symptoms              varchar(1000) not null,
    red_flags             varchar(1000) not null,
    pain_level            integer,
    pain_duration         varchar(40)  not null,
    treatments_tried      varchar(1000) not null,
    procedure_of_interest varchar(60),
    age                   integer      not null,
    submitted_at          timestamp with time zone not null,
    queued_at             timestamp with time zone,
    due_at                timestamp with time zone,
    deadline_missed_at    timestamp with time zone,
    latest_study_date     date,
    claimed_by            varchar(200),
    claimed_at            timestamp with time zone,
    first_claimed_at      timestamp with time zone,
    lease_expires_at      timestamp with time zone,
    outcome               varchar(40),
    recommended_procedure varchar(60),
    next_step             varchar(60),
    information_needed    varchar(60),
    notes                 text,
    completed_by          varchar(200),
    completed_at          timestamp with time zone
);
create index review_task_open on review_task (status, due_at);

-- Imaging references per lead; they may arrive before or after the lead itself.
create table review_imaging (
    lead_id      varchar(100) not null,
    imaging_id   varchar(100) not null,
    modality     varchar(20)  not null,
    file_format  varchar(20)  not null,
    size_bytes   bigint       not null,
    study_date   date,
    uploaded_at  timestamp with time zone not null,
    primary key (lead_id, imaging_id)
);
