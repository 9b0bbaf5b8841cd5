-- 相談先の一覧 (the directory of consultation services), in the shape of
-- Open Referral HSDS 3: organisations, their services, each service's
-- phones and schedules (RFC 5545 fields), and its taxonomy terms
-- (困りごと 'need', 立場 'audience', 相談の方法 'method').

CREATE TABLE directory_organizations (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    url         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE directory_services (
    id                  TEXT NOT NULL PRIMARY KEY,
    organization_id     TEXT NOT NULL REFERENCES directory_organizations (id),
    name                TEXT NOT NULL CHECK (name <> ''),
    name_en             TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    description_en      TEXT NOT NULL DEFAULT '',
    eligibility         TEXT NOT NULL DEFAULT '',
    fees                TEXT NOT NULL DEFAULT '',
    free                BOOLEAN NOT NULL DEFAULT TRUE,
    email               TEXT NOT NULL DEFAULT '',
    url                 TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    hours_note          TEXT NOT NULL DEFAULT '',
    closed_on_holidays  BOOLEAN NOT NULL DEFAULT FALSE,
    closed_year_end     BOOLEAN NOT NULL DEFAULT FALSE,
    crisis              BOOLEAN NOT NULL DEFAULT FALSE,
    rank                INTEGER NOT NULL DEFAULT 100,
    bookable_here       TEXT CHECK (bookable_here IN ('evening', 'health')),
    status              TEXT NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'temporarily closed', 'inactive', 'defunct')),
    confirmed_on        DATE,
    confirmed_by        TEXT NOT NULL DEFAULT '',
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX directory_services_by_organization ON directory_services (organization_id);

CREATE TABLE directory_phones (
    service_id  TEXT NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    number      TEXT NOT NULL CHECK (number <> ''),
    kind        TEXT NOT NULL DEFAULT 'voice' CHECK (kind IN ('voice', 'text', 'fax', 'cell')),
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, position)
);

CREATE TABLE directory_schedules (
    service_id  TEXT NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    freq        TEXT NOT NULL CHECK (freq IN ('DAILY', 'WEEKLY', 'MONTHLY')),
    byday       TEXT NOT NULL DEFAULT '',
    -- HH:MM, JST; both empty: all day.
    opens_at    TEXT NOT NULL DEFAULT '',
    closes_at   TEXT NOT NULL DEFAULT '',
    valid_from  DATE,
    valid_to    DATE,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, position)
);

CREATE TABLE directory_terms (
    service_id  TEXT NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
    vocabulary  TEXT NOT NULL CHECK (vocabulary IN ('need', 'audience', 'method')),
    code        TEXT NOT NULL,
    PRIMARY KEY (service_id, vocabulary, code)
);
CREATE INDEX directory_terms_by_code ON directory_terms (vocabulary, code);

-- One row: raised with every change, so that each instance knows when the
-- directory it holds in memory is out of date.
CREATE TABLE directory_version (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version     BIGINT NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);
