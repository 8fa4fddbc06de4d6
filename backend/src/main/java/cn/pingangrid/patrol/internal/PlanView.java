package cn.pingangrid.patrol.internal;

import java.util.List;

/**
 * A plan as the API answers it (and as it is stored): the shift, the base, the stops in order with arrival and
 * departure times and what to check, the legs of the route as [lng, lat] lines, and totals. Times are local
 * ({@code yyyy-MM-ddTHH:mm}); weights are the README's.
 */
record PlanView(Long id, String villageCode, String villageName, String date, String start, String end,
        int lengthMinutes, String mode, String modeName, String baseKind, String baseName, double[] base, long seed,
        List<PlannedStop> stops, List<List<double[]>> legs, double weight, double candidateWeight, int candidates,
        int travelMeters, int travelMinutes, String departAt, String returnAt, String createdBy, String createdAt) {

    /** One stop of the plan, numbered from 1 in visiting order. */
    record PlannedStop(int order, String key, String kind, String kindName, String name, double lng, double lat,
            double weight, String arrive, String leave, int dwellMinutes, List<String> checks,
            List<String> villageCodes) {
    }

    PlanView withId(long newId) {
        return new PlanView(newId, villageCode, villageName, date, start, end, lengthMinutes, mode, modeName, baseKind,
                baseName, base, seed, stops, legs, weight, candidateWeight, candidates, travelMeters, travelMinutes,
                departAt, returnAt, createdBy, createdAt);
    }
}
