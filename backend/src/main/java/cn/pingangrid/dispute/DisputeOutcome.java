package cn.pingangrid.dispute;

import java.time.LocalDate;
import cn.pingangrid.dispute.internal.DisputeSource;

/**
 * A dispute as the KPIs see it: where, how far it went (handling level now, level it was resolved at) and when.
 * {@code resolvedOn} is set once it is 已化解 (and stays through 办结 and 回访).
 */
public record DisputeOutcome(long id, String villageCode, DisputeStatus status, HandlingLevel level,
        HandlingLevel resolvedLevel, boolean overdue, LocalDate sweptOn, LocalDate resolvedOn, DisputeSource source) {

    public boolean resolved() {
        return resolvedOn != null;
    }

    /** Handed over to the town's mediation by the police, petitions office, procuratorate or court (§五.2). */
    public boolean handedOver() {
        return DisputeSource.HANDED_OVER.contains(source);
    }
}
