CREATE SPATIAL INDEX border_segment_zone_sidx ON border_segment (zone);
CREATE SPATIAL INDEX hazard_location_sidx ON hazard (location);
