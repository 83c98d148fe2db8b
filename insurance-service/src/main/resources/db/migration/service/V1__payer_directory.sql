-- The payer directory: who the practice can ask about coverage, and by which names visitors know them.
create table payer (
    id                    varchar(40)  primary key,
    name                  varchar(200) not null,
    realtime_eligibility  boolean      not null
);

create table payer_alias (
    payer_id  varchar(40)  not null references payer (id),
    alias     varchar(100) not null,
    primary key (payer_id, alias)
);

-- Common US payers. realtime_eligibility = false: a care manager verifies by phone.
insert into payer (id, name, realtime_eligibility) values
    ('aetna',            'Aetna',                                   true),
    ('anthem',           'Anthem Blue Cross Blue Shield (Elevance Health)', true),
    ('cigna',            'Cigna Healthcare',                        true),
    ('uhc',              'UnitedHealthcare',                        true),
    ('humana',           'Humana',                                  true),
    ('medicare',         'Medicare (Original, Parts A and B)',      true),
    ('medicaid',         'Medicaid (state program)',                false),
    ('kaiser',           'Kaiser Permanente',                       false),
    ('tricare',          'TRICARE',                                 false),
    ('bcbs',             'Blue Cross Blue Shield (local plan)',     true),
    ('bcbs-fep',         'Blue Cross Blue Shield Federal Employee Program', true),
    ('horizon-bcbs',     'Horizon Blue Cross Blue Shield of New Jersey', true),
    ('bcbs-texas',       'Blue Cross and Blue Shield of Texas',     true),
    ('florida-blue',     'Florida Blue',                            true),
    ('highmark',         'Highmark Blue Cross Blue Shield',         true),
    ('oscar',            'Oscar Health',                            true),
    ('ambetter',         'Ambetter (Centene)',                      true),
    ('molina',           'Molina Healthcare',                       true),
    ('wellcare',         'WellCare',                                true),
    ('umr',              'UMR',                                     true),
    ('aetna-medicare',   'Aetna Medicare Advantage',                true),
    ('uhc-medicare',     'AARP Medicare Advantage from UnitedHealthcare', true),
    ('emblem',           'EmblemHealth',                            true),
    ('healthnet',        'Health Net',                              true),
    ('caresource',       'CareSource',                              true),
    ('meritain',         'Meritain Health',                         true),
    ('geha',             'GEHA',                                    true),
    ('va-ccn',           'VA Community Care Network',               false),
    ('workers-comp',     'Workers'' compensation carrier',          false);

insert into payer_alias (payer_id, alias) values
    ('aetna', 'Aetna Health'), ('aetna', 'CVS Aetna'),
    ('anthem', 'Anthem'), ('anthem', 'Elevance'), ('anthem', 'Elevance Health'), ('anthem', 'Anthem BCBS'),
    ('anthem', 'Wellpoint'), ('anthem', 'Empire BCBS'),
    ('cigna', 'Cigna'), ('cigna', 'CIGNA HealthSpring'), ('cigna', 'Evernorth'),
    ('uhc', 'UHC'), ('uhc', 'United Healthcare'), ('uhc', 'United Health Care'), ('uhc', 'UnitedHealth'),
    ('uhc', 'United'), ('uhc', 'Optum'), ('uhc', 'Golden Rule'),
    ('humana', 'Humana Medicare'), ('humana', 'Humana Gold Plus'),
    ('medicare', 'CMS'), ('medicare', 'Original Medicare'), ('medicare', 'Medicare Part B'),
    ('medicaid', 'State Medicaid'), ('medicaid', 'Medi-Cal'), ('medicaid', 'MassHealth'),
    ('kaiser', 'Kaiser'), ('kaiser', 'KP'), ('kaiser', 'Kaiser Foundation Health Plan'),
    ('tricare', 'Tricare West'), ('tricare', 'Tricare East'), ('tricare', 'Tricare For Life'), ('tricare', 'Military'),
    ('bcbs', 'BCBS'), ('bcbs', 'Blue Cross'), ('bcbs', 'Blue Shield'), ('bcbs', 'BlueCard'),
    ('bcbs-fep', 'FEP'), ('bcbs-fep', 'FEP Blue'), ('bcbs-fep', 'Federal BCBS'),
    ('horizon-bcbs', 'Horizon'), ('horizon-bcbs', 'Horizon BCBSNJ'),
    ('bcbs-texas', 'BCBSTX'), ('bcbs-texas', 'Blue Cross Texas'),
    ('florida-blue', 'BCBS Florida'), ('florida-blue', 'Blue Cross Florida'),
    ('highmark', 'Highmark'), ('highmark', 'Highmark BCBS'),
    ('oscar', 'Oscar'),
    ('ambetter', 'Ambetter'), ('ambetter', 'Centene'), ('ambetter', 'Ambetter Health'),
    ('molina', 'Molina'),
    ('wellcare', 'Wellcare Medicare'), ('wellcare', 'Well Care'),
    ('umr', 'United Medical Resources'),
    ('aetna-medicare', 'Aetna Medicare'),
    ('uhc-medicare', 'AARP'), ('uhc-medicare', 'AARP Medicare'), ('uhc-medicare', 'UHC Medicare'),
    ('emblem', 'Emblem'), ('emblem', 'GHI'), ('emblem', 'HIP'),
    ('healthnet', 'HealthNet'),
    ('caresource', 'Care Source'),
    ('meritain', 'Meritain'),
    ('geha', 'Government Employees Health Association'),
    ('va-ccn', 'VA'), ('va-ccn', 'Veterans Affairs'), ('va-ccn', 'Optum VA CCN'),
    ('workers-comp', 'Workers Comp'), ('workers-comp', 'Workmans Comp');
