CREATE SPATIAL INDEX town_boundary_sidx ON town (boundary);
CREATE SPATIAL INDEX village_boundary_sidx ON village (boundary);
CREATE SPATIAL INDEX grid_boundary_sidx ON grid (boundary);
CREATE SPATIAL INDEX building_footprint_sidx ON building (footprint);
CREATE SPATIAL INDEX road_geom_sidx ON road (geom);
CREATE SPATIAL INDEX water_geom_sidx ON water (geom);
CREATE SPATIAL INDEX neighbour_boundary_sidx ON neighbour (boundary);
CREATE SPATIAL INDEX place_location_sidx ON place (location);
