-- Issue 13: only sensitive border segments have a zone that counts. The town's and county's borders (平安边界)
-- always are; a village-to-village boundary only where the town office marks it (land and forest boundaries in
-- the hills, typically). Existing village boundaries start unmarked; their stored zone is kept for when the
-- office marks one, and the office sets its width then.
ALTER TABLE border_segment ADD COLUMN sensitive BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE border_segment SET sensitive = TRUE WHERE kind = 'TOWN';
