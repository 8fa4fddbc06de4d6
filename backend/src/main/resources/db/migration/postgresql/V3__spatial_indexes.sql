CREATE INDEX town_boundary_sidx ON town USING GIST (boundary);
CREATE INDEX village_boundary_sidx ON village USING GIST (boundary);
CREATE INDEX grid_boundary_sidx ON grid USING GIST (boundary);
CREATE INDEX building_footprint_sidx ON building USING GIST (footprint);
CREATE INDEX road_geom_sidx ON road USING GIST (geom);
CREATE INDEX water_geom_sidx ON water USING GIST (geom);
CREATE INDEX neighbour_boundary_sidx ON neighbour USING GIST (boundary);
CREATE INDEX place_location_sidx ON place USING GIST (location);
