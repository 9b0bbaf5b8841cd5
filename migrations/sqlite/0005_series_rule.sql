-- The series rule as staff set it on the screens; without a row, the rule
-- in config/ applies.
CREATE TABLE series_rule (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    weekday       TEXT NOT NULL,
    week_of_month INTEGER NOT NULL CHECK (week_of_month BETWEEN 1 AND 5),
    start         TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
