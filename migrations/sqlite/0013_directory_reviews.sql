-- 相談先の内容確認: one row per month whose review mail to the coordinators
-- was queued, so that each month's goes out once however many instances run.
CREATE TABLE directory_reviews (
    month TEXT PRIMARY KEY NOT NULL,
    entries INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
