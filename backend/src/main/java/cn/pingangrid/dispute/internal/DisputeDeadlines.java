package cn.pingangrid.dispute.internal;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import cn.pingangrid.dispute.HandlingLevel;

/**
 * Product defaults, not the seed's (it only says 重大 cases are 限期调处 with a deadline the town office sets):
 * deadlines in days by handling level for 一般 and 较大 disputes ({@code pingan.disputes.default-deadline-days.
 * village|town|beyond-town}); 重大 ones get theirs from the town office.
 */
@ConfigurationProperties("pingan.disputes")
record DisputeDeadlines(Map<String, Integer> defaultDeadlineDays) {

    DisputeDeadlines {
        defaultDeadlineDays = defaultDeadlineDays == null ? Map.of() : Map.copyOf(defaultDeadlineDays);
    }

    int days(HandlingLevel level) {
        String key = switch (level) {
            case VILLAGE -> "village";
            case TOWN -> "town";
            case BEYOND_TOWN -> "beyond-town";
        };
        Integer days = defaultDeadlineDays.get(key);
        if (days == null) {
            return switch (level) {
                case VILLAGE -> 15;
                case TOWN -> 30;
                case BEYOND_TOWN -> 60;
            };
        }
        return days;
    }

    LocalDate from(LocalDate day, HandlingLevel level) {
        return day.plusDays(days(level));
    }
}
