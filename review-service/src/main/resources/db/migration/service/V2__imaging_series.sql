-- DICOM studies as intake reports them: the study's description and body part, and its series
-- (in intake's order: series_index addresses a series at intake). Runs on PostgreSQL and on H2.
alter table review_imaging add column study_description varchar(64);
alter table review_imaging add column body_part varchar(64);

create table review_imaging_series (
    lead_id       varchar(100) not null,
    imaging_id    varchar(100) not null,
    series_index  integer      not null,
    series_uid    varchar(64)  not null,
    series_number integer,
    modality      varchar(64),
    description   varchar(64),
    body_part     varchar(64),
    image_count   integer      not null,
    primary key (lead_id, imaging_id, series_index)
);
