-- Imaging as studies: a DICOM upload is one row per study (StudyInstanceUID), its series below it.
-- A study's instances are stored under <imaging id>-<series index>-<instance index>; storage_key is
-- its first instance's. Runs on PostgreSQL and on H2 (PostgreSQL mode).
alter table imaging add column study_uid varchar(64);
alter table imaging add column study_description varchar(64);
alter table imaging add column body_part varchar(64);

create table imaging_series (
    imaging_id    uuid         not null references imaging (id),
    series_index  integer      not null,
    series_uid    varchar(64)  not null,
    series_number integer,
    modality      varchar(64),
    description   varchar(64),
    body_part     varchar(64),
    image_count   integer      not null,
    primary key (imaging_id, series_index)
);
