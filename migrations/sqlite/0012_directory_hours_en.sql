-- 相談先の一覧: a service's hours as the organisation words them, in
-- English too (the crisis lines show them on every page).
ALTER TABLE directory_services ADD COLUMN hours_note_en TEXT NOT NULL DEFAULT '';
