-- Issue 14, county scale: the map's dispute counts per village or grid (/api/disputes/clusters, drawn when a view
-- holds more than 2,000) count this month's cases plus every open one. As one "period OR open" query PostgreSQL
-- combines two indexes and then reads each case's table row (33,000 rows for the whole county, ~200 ms warm, ~900
-- cold). Counted apart - the period's cases, then the open ones outside it (DisputeController.clusters) - each half
-- is an index-only scan of one of these (~12 ms each): the date key with every column the count and its filters
-- read (scope codes, status, overdue, the point for the box). PostgreSQL only, as V150.
CREATE INDEX dispute_swept_count_idx ON dispute (swept_on) INCLUDE (village_code, grid_code, status, overdue, location);
CREATE INDEX dispute_open_count_idx ON dispute (swept_on) INCLUDE (village_code, grid_code, status, overdue, location)
    WHERE status IN ('REGISTERED', 'ACCEPTED', 'MEDIATING', 'UNRESOLVED', 'ESCALATED', 'REFERRED');
