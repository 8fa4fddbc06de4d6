-- Issue 14, county scale: a dispute tile below zoom 16 counts the disputes of every grid (village below 13) that
-- meets it and places the count at their mean point. At 1,000,000 disputes a z14 tile reads ~11,000 of them, and
-- through the plain code index each is a random table page (~75 ms cold, ~25 ms warm). With the point in the
-- index, the count is an index-only scan that touches no table page (~15 ms). PostgreSQL only: H2 has no INCLUDE,
-- and a town's tile on H2GIS reads a few hundred rows.
CREATE INDEX dispute_grid_location_idx ON dispute (grid_code) INCLUDE (location);
DROP INDEX dispute_grid_idx;
CREATE INDEX dispute_village_location_idx ON dispute (village_code) INCLUDE (location);
