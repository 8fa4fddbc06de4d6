package cn.pingangrid.sweep.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.sweep.internal.SweepViews.CampaignView;
import cn.pingangrid.sweep.internal.SweepViews.Compliance;
import cn.pingangrid.sweep.internal.SweepViews.ComplianceRow;
import cn.pingangrid.sweep.internal.SweepViews.SweepView;

/** Sweeps, campaigns and weekly compliance. */
@RestController
class SweepController {

    private final SweepFiling filing;
    private final Sweeps sweeps;
    private final Areas areas;
    private final Clock clock;

    SweepController(SweepFiling filing, Sweeps sweeps, Areas areas, Clock clock) {
        this.filing = filing;
        this.sweeps = sweeps;
        this.areas = areas;
        this.clock = clock;
    }

    @PostMapping("/api/sweeps")
    @ResponseStatus(HttpStatus.CREATED)
    SweepView file(@Valid @RequestBody SweepFiling.NewSweep request) {
        return SweepView.of(filing.file(request, CurrentUser.current()));
    }

    /** Sweeps filed for periods starting in {@code from}..{@code to} (default: the last 8 weeks), in the caller's area. */
    @GetMapping("/api/sweeps")
    List<SweepView> list(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate toDate = to == null ? today : SweepFiling.day("to", to);
        LocalDate fromDate = from == null ? toDate.minusWeeks(8) : SweepFiling.day("from", from);
        return sweeps.between(fromDate, toDate, false).stream()
                .map(SweepView::of).toList();
    }

    @PostMapping("/api/sweep-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView createCampaign(@Valid @RequestBody SweepFiling.NewCampaign request) {
        return CampaignView.of(filing.create(request, CurrentUser.current()));
    }

    @GetMapping("/api/sweep-campaigns")
    List<CampaignView> campaigns() {
        AreaScope scope = CurrentUser.current().area();
        return sweeps.campaigns().stream().filter(c -> scope.wholeTown()
                || c.getVillages().stream().anyMatch(scope::seesVillage)).map(CampaignView::of).toList();
    }

    /** 一周一报: for a week (ISO {@code 2026-W05} or a day; default this week), which visible villages have filed. */
    @GetMapping("/api/sweeps/compliance")
    Compliance compliance(@RequestParam(required = false) String week) {
        LocalDate monday = SweepFiling.week(week, LocalDate.now(clock));
        AreaScope scope = CurrentUser.current().area();
        // a village's weekly sweep is its cadres' duty: a grid manager has no compliance row of their own
        List<VillageRef> villages = areas.villages().stream().filter(v -> scope.coversVillage(v.code()))
                .toList();
        List<Sweep> filed = sweeps.between(monday, monday, true);
        List<ComplianceRow> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (VillageRef v : villages) {
            Sweep sweep = filed.stream().filter(s -> s.getKind() == SweepKind.VILLAGE_WEEKLY
                    && v.code().equals(s.getVillageCode())).findFirst().orElse(null);
            rows.add(new ComplianceRow(v.code(), v.name(), sweep != null, sweep != null && sweep.isZeroReport(),
                    sweep == null ? 0 : sweep.getDisputeIds().size()));
            if (sweep == null) {
                missing.add(v.code());
            }
        }
        return new Compliance(monday.toString(), rows, missing);
    }
}
