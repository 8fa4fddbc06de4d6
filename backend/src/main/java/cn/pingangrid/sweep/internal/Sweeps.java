package cn.pingangrid.sweep.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.scope.ScopedQuery;

/**
 * Filed sweeps and campaigns, through {@link ScopedQueries}: a village's sweeps are its cadres' (a grid manager
 * sees none), the town's monthly sweeps the town office's and leadership's.
 */
@Repository
public class Sweeps {

    private final ScopedQueries queries;

    Sweeps(ScopedQueries queries) {
        this.queries = queries;
    }

    Sweep add(Sweep sweep) {
        return queries.add(sweep);
    }

    SweepCampaign add(SweepCampaign campaign) {
        return queries.add(campaign);
    }

    Optional<SweepCampaign> campaign(long id) {
        return queries.find(SweepCampaign.class, id);
    }

    List<SweepCampaign> campaigns() {
        return queries.from(SweepCampaign.class, "c").orderBy("c.startsOn desc, c.id desc").list();
    }

    boolean filed(SweepKind kind, String villageCode, Long campaignId, LocalDate periodStart) {
        ScopedQuery<Sweep> q = queries.from(Sweep.class, "s").equal("s.kind", kind).equal("s.periodStart", periodStart)
                .equal("s.campaignId", campaignId);
        if (villageCode == null) {
            q.where("s.villageCode is null", Map.of());
        } else {
            q.equal("s.villageCode", villageCode);
        }
        return q.count() > 0;
    }

    /** The caller's sweeps whose period starts in {@code from}..{@code to}; {@code villageOnly}: no town sweeps. */
    List<Sweep> between(LocalDate from, LocalDate to, boolean villageOnly) {
        ScopedQuery<Sweep> q = queries.from(Sweep.class, "s").between("s.periodStart", from, to);
        if (villageOnly) {
            q.where("s.villageCode is not null", Map.of());
        }
        return q.orderBy("s.periodStart desc, s.id desc").list();
    }

    /** Which sweep was filed for which period: what the module's compliance API needs, without the entity. */
    public record Filed(SweepKind kind, String villageCode, LocalDate periodStart) {
    }

    /** {@link #between} as {@link Filed} lines, for the module's read API at its root. */
    public List<Filed> filedBetween(LocalDate from, LocalDate to, boolean villageOnly) {
        return between(from, to, villageOnly).stream()
                .map(s -> new Filed(s.getKind(), s.getVillageCode(), s.getPeriodStart())).toList();
    }
}
