package cn.pingangrid.sweep;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Repository;

/** Filed sweeps and campaigns. */
@Repository
class Sweeps {

    private final EntityManager em;

    Sweeps(EntityManager em) {
        this.em = em;
    }

    Sweep add(Sweep sweep) {
        em.persist(sweep);
        return sweep;
    }

    SweepCampaign add(SweepCampaign campaign) {
        em.persist(campaign);
        return campaign;
    }

    Optional<SweepCampaign> campaign(long id) {
        return Optional.ofNullable(em.find(SweepCampaign.class, id));
    }

    List<SweepCampaign> campaigns() {
        return em.createQuery("select c from SweepCampaign c order by c.startsOn desc, c.id desc", SweepCampaign.class)
                .getResultList();
    }

    boolean filed(SweepKind kind, String villageCode, Long campaignId, LocalDate periodStart) {
        String jpql = "select count(s) from Sweep s where s.kind = :kind and s.periodStart = :start"
                + (villageCode == null ? " and s.villageCode is null" : " and s.villageCode = :village")
                + (campaignId == null ? "" : " and s.campaignId = :campaign");
        var query = em.createQuery(jpql, Long.class).setParameter("kind", kind).setParameter("start", periodStart);
        if (villageCode != null) {
            query.setParameter("village", villageCode);
        }
        if (campaignId != null) {
            query.setParameter("campaign", campaignId);
        }
        return query.getSingleResult() > 0;
    }

    /** Sweeps whose period starts in {@code from}..{@code to}; village sweeps only for {@code villages}. */
    List<Sweep> between(LocalDate from, LocalDate to, Set<String> villages, boolean withTown) {
        return em.createQuery("select s from Sweep s where s.periodStart >= :from and s.periodStart <= :to and "
                + "(s.villageCode in :villages" + (withTown ? " or s.villageCode is null" : "") + ") "
                + "order by s.periodStart desc, s.id desc", Sweep.class)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("villages", villages.isEmpty() ? Set.of("-") : villages).getResultList();
    }
}
