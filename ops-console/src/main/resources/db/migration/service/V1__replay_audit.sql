-- Every replay of dead letters: who, why, when, what was selected, and how it ended.
create table replay (
    id             uuid primary key,
    requested_at   timestamp with time zone not null,
    finished_at    timestamp with time zone,
    actor          varchar(200)  not null,
    reason         varchar(500)  not null,
    selection      varchar(1000) not null,
    planned        integer not null,
    replayed       integer not null default 0,
    parked         integer not null default 0,
    failed         integer not null default 0,
    result         varchar(20)   not null,
    correlation_id varchar(64)
);
create index replay_requested on replay (requested_at);

-- Each dead letter a replay handled: where it was, where it went (new partition and offset), or why not.
create table replay_record (
    replay_id             uuid         not null references replay (id),
    dead_letter_topic     varchar(249) not null,
    dead_letter_partition integer      not null,
    dead_letter_offset    bigint       not null,
    lead_id               varchar(200),
    event_id              varchar(200),
    target_topic          varchar(249) not null,
    replay_count          integer      not null,
    result                varchar(20)  not null,
    new_partition         integer,
    new_offset            bigint,
    note                  varchar(300),
    primary key (replay_id, dead_letter_topic, dead_letter_partition, dead_letter_offset)
);
create index replay_record_dead_letter on replay_record (dead_letter_topic, dead_letter_partition, dead_letter_offset);
