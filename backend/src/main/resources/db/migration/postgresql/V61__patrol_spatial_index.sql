CREATE INDEX patrol_plan_route_sidx ON patrol_plan USING GIST (route);
