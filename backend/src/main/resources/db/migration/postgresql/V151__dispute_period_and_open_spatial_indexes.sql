-- Issue 14, county scale: the map asks for this month's disputes plus every open one, in the view's box. At
-- 1,000,000 disputes the box alone holds thousands (every year's), the month ~17,000 and the open cases ~23,000
-- county-wide, so combining the three indexes read ~40,000 entries for the ~60 that answer (10-20 ms). With the
-- period in the spatial index (btree_gist: a date key beside the point) and the open cases in one of their own,
-- each half of "month OR open" is one precise index scan inside the box (~0.5 ms). The query puts the box in both
-- halves (DisputeController.narrow). btree_gist ships with PostgreSQL and is trusted: the database's owner may
-- create it; where the application's user is not the owner, create it once as a superuser (README).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX dispute_location_swept_sidx ON dispute USING GIST (location, swept_on);
-- the open statuses (DisputeStatus.OPEN); the planner uses this index when the query names the same set
CREATE INDEX dispute_open_location_sidx ON dispute USING GIST (location)
    WHERE status IN ('REGISTERED', 'ACCEPTED', 'MEDIATING', 'UNRESOLVED', 'ESCALATED', 'REFERRED');
