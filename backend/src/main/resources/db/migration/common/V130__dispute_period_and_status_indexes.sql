-- Issue 14, county scale: every period filter and the map's order go by 排查时间 (swept_on), and the map's default
-- adds every open case. At 1,000,000 disputes the map's list read the whole table (a parallel sequential scan and a
-- sort, ~0.9 s). (swept_on, id) serves the order and the period, (status) the open cases, and
-- (village_code, swept_on) a village user's period.
CREATE INDEX dispute_swept_idx ON dispute (swept_on, id);
CREATE INDEX dispute_status_idx ON dispute (status);
CREATE INDEX dispute_village_swept_idx ON dispute (village_code, swept_on);
