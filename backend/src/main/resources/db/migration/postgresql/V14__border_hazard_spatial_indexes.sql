CREATE INDEX border_segment_zone_sidx ON border_segment USING GIST (zone);
CREATE INDEX hazard_location_sidx ON hazard USING GIST (location);
