package cn.pingangrid.sweep.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.area.Areas;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.dispute.DisputeLocation;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.system.ConflictException;
import cn.pingangrid.system.Coded;
import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.RoleNotAllowedException;
import cn.pingangrid.sweep.SweepCompliance;

/** Files sweeps and creates campaigns, checking area, period and findings before writing. */
@Service
@Transactional
class SweepFiling {

    private final Sweeps sweeps;
    private final Areas areas;
    private final DisputeLocations disputes;
    private final AuditTrail audit;
    private final Clock clock;

    SweepFiling(Sweeps sweeps, Areas areas, DisputeLocations disputes, AuditTrail audit, Clock clock) {
        this.sweeps = sweeps;
        this.areas = areas;
        this.disputes = disputes;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code period}: an ISO week ({@code 2026-W05}) or a day of it for weekly sweeps, {@code 2026-05} for monthly, a day for campaigns. */
    record NewSweep(@Size(max = 16) String kind, @Size(max = 12) String village, @Min(1) Long campaignId,
            String period, @Size(max = 64) String sweptBy, Boolean zeroReport,
            @Size(max = 1000) List<@NotNull @Min(1) Long> disputeIds, @Size(max = 1000) String note) {
    }

    record NewCampaign(@Size(max = 64) String name, String startsOn, String endsOn,
            @Size(max = 100) List<@NotNull @Size(max = 12) String> villages) {
    }

    Sweep file(NewSweep r, CurrentUser user) {
        SweepKind kind = Coded.parse(SweepKind.class, "kind", r.kind());
        if (!user.hasAny(Role.GRID_MANAGER, Role.VILLAGE_CADRE, Role.AUX_POLICE, Role.TOWN_OFFICE)) {
            throw new RoleNotAllowedException("您的角色不能填报排查");
        }
        String village = null;
        Long campaignId = null;
        LocalDate start;
        LocalDate today = LocalDate.now(clock);
        switch (kind) {
            case VILLAGE_WEEKLY -> {
                village = village(r.village(), user);
                start = week(r.period(), today);
            }
            case TOWN_MONTHLY -> {
                if (!user.has(Role.TOWN_OFFICE)) {
                    throw new RoleNotAllowedException("镇每月排查由综治办填报");
                }
                start = month(r.period(), today);
            }
            default -> {
                village = village(r.village(), user);
                if (r.campaignId() == null) {
                    throw new InvalidInputException("campaignId", "专题排查须指明专题");
                }
                SweepCampaign campaign = sweeps.campaign(r.campaignId()).orElseThrow(
                        () -> new InvalidInputException("campaignId", "没有编号为 " + r.campaignId() + " 的专题"));
                if (!campaign.getVillages().contains(village)) {
                    throw new InvalidInputException("village", "该村不在专题「" + campaign.getName() + "」的范围内");
                }
                start = r.period() == null || r.period().isBlank() ? today : day("period", r.period());
                if (!campaign.covers(start)) {
                    throw new InvalidInputException("period", "日期不在专题期间 " + campaign.getStartsOn() + " 至 "
                            + campaign.getEndsOn() + " 内");
                }
                campaignId = campaign.getId();
            }
        }
        if (start.isAfter(today)) {
            throw new InvalidInputException("period", "不能为将来的时段填报排查");
        }
        Set<Long> found = new LinkedHashSet<>(r.disputeIds() == null ? List.of() : r.disputeIds());
        List<DisputeLocation> visible = disputes.byIds(found);
        for (Long id : found) {
            DisputeLocation d = visible.stream().filter(v -> v.id() == id).findFirst()
                    .orElseThrow(() -> new InvalidInputException("disputeIds", "没有编号为 " + id + " 的纠纷"));
            if (village != null && !village.equals(d.villageCode())) {
                throw new InvalidInputException("disputeIds", "纠纷 " + id + " 不在本村");
            }
        }
        if (sweeps.filed(kind, village, campaignId, start)) {
            throw new ConflictException("重复填报", "本期（" + start + " 起）的" + kind.label() + "已经填报");
        }
        Sweep sweep = sweeps.add(new Sweep(kind, village, campaignId, start,
                r.sweptBy() == null || r.sweptBy().isBlank() ? user.displayName() : r.sweptBy(),
                Boolean.TRUE.equals(r.zeroReport()), found, r.note(), user.username(), clock.instant()));
        audit.record("SWEEP_FILE", "sweep", String.valueOf(sweep.getId()), kind.label() + " " + start
                + (village == null ? "" : " " + village));
        return sweep;
    }

    SweepCampaign create(NewCampaign r, CurrentUser user) {
        if (!user.has(Role.TOWN_OFFICE)) {
            throw new RoleNotAllowedException("专题排查由综治办部署");
        }
        if (r.startsOn() == null || r.startsOn().isBlank()) {
            throw new InvalidInputException("startsOn", "必填");
        }
        if (r.endsOn() == null || r.endsOn().isBlank()) {
            throw new InvalidInputException("endsOn", "必填");
        }
        Set<String> villages = new LinkedHashSet<>();
        for (String code : r.villages() == null ? List.<String>of() : r.villages()) {
            if (code == null || !areas.names().villages().containsKey(code)) {
                throw new InvalidInputException("villages", "没有代码为 " + code + " 的村（社区）");
            }
            villages.add(code);
        }
        SweepCampaign campaign = sweeps.add(new SweepCampaign(r.name(), day("startsOn", r.startsOn()),
                day("endsOn", r.endsOn()), villages, user.username(), clock.instant()));
        audit.record("SWEEP_CAMPAIGN", "sweep_campaign", String.valueOf(campaign.getId()), campaign.getName());
        return campaign;
    }

    private String village(String code, CurrentUser user) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("village", "必填");
        }
        // the whole village must be the caller's: a grid manager sees their village only for orientation
        if (!areas.names().villages().containsKey(code) || !user.area().coversVillage(code)) {
            throw new InvalidInputException("village", "没有代码为 " + code + " 的村（社区），或不在您负责的区域内");
        }
        return code;
    }

    /** The Monday of an ISO week ({@code 2026-W05}) or of the week a day falls in; blank means this week. */
    static LocalDate week(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return SweepCompliance.weekStart(today);
        }
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (t.matches("\\d{4}-W\\d{2}")) {
            return Dates.isoWeek("period", t);
        }
        return SweepCompliance.weekStart(day("period", t));
    }

    static LocalDate month(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today.withDayOfMonth(1);
        }
        return Dates.month("period", text).atDay(1);
    }

    static LocalDate day(String field, String text) {
        return Dates.parse(field, text);
    }


}
