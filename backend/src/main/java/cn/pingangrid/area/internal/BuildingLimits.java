package cn.pingangrid.area.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.pingangrid.system.InvalidInputException;

/** How many buildings one response may hold, and how large a bbox may be asked for. */
@ConfigurationProperties("pingan.buildings")
record BuildingLimits(int defaultLimit, int maxLimit, double maxBboxDegrees) {

    /** The limit to apply: the default when none is asked for; 1..max otherwise. */
    int resolve(Integer requested) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw new InvalidInputException("limit", "须在 1 到 " + maxLimit + " 之间");
        }
        return requested;
    }
}
