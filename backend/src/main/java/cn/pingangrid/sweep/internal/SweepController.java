package cn.pingangrid.sweep.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> file(@Valid @RequestBody SweepFiling.NewSweep request) {
        return json(filing.file(request, CurrentUser.current()));
    }

    /** Sweeps filed for periods starting in {@code from}..{@code to} (default: the last 8 weeks), in the caller's area. */
    @GetMapping("/api/sweeps")
    List<Map<String, Object>> list(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate toDate = to == null ? today : SweepFiling.day("to", to);
        LocalDate fromDate = from == null ? toDate.minusWeeks(8) : SweepFiling.day("from", from);
        return sweeps.between(fromDate, toDate, false).stream()
                .map(SweepController::json).toList();
    }

    @PostMapping("/api/sweep-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createCampaign(@Valid @RequestBody SweepFiling.NewCampaign request) {
        return json(filing.create(request, CurrentUser.current()));
    }

    @GetMapping("/api/sweep-campaigns")
    List<Map<String, Object>> campaigns() {
        AreaScope scope = CurrentUser.current().area();
        return sweeps.campaigns().stream().filter(c -> scope.wholeTown()
                || c.getVillages().stream().anyMatch(scope::seesVillage)).map(SweepController::json).toList();
    }

    /** 一周一报: for a week (ISO {@code 2026-W05} or a day; default this week), which visible villages have filed. */
    @GetMapping("/api/sweeps/compliance")
    Map<String, Object> compliance(@RequestParam(required = false) String week) {
        LocalDate monday = SweepFiling.week(week, LocalDate.now(clock));
        AreaScope scope = CurrentUser.current().area();
        // a village's weekly sweep is its cadres' duty: a grid manager has no compliance row of their own
        List<VillageRef> villages = areas.villages().stream().filter(v -> scope.coversVillage(v.code()))
                .toList();
        List<Sweep> filed = sweeps.between(monday, monday, true);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (VillageRef v : villages) {
            Sweep sweep = filed.stream().filter(s -> s.getKind() == SweepKind.VILLAGE_WEEKLY
                    && v.code().equals(s.getVillageCode())).findFirst().orElse(null);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", v.code());
            row.put("name", v.name());
            row.put("filed", sweep != null);
            row.put("zeroReport", sweep != null && sweep.isZeroReport());
            row.put("found", sweep == null ? 0 : sweep.getDisputeIds().size());
            rows.add(row);
            if (sweep == null) {
                missing.add(v.code());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("weekStart", monday.toString());
        answer.put("villages", rows);
        answer.put("missing", missing);
        return answer;
    }

    static Map<String, Object> json(Sweep s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.getId());
        json.put("kind", Map.of("code", s.getKind().name(), "label", s.getKind().label()));
        json.put("village", s.getVillageCode());
        json.put("campaignId", s.getCampaignId());
        json.put("periodStart", s.getPeriodStart().toString());
        json.put("sweptBy", s.getSweptBy());
        json.put("zeroReport", s.isZeroReport());
        json.put("disputeIds", List.copyOf(s.getDisputeIds()));
        json.put("note", s.getNote());
        json.put("filedBy", s.getFiledBy());
        json.put("filedAt", s.getFiledAt().toString());
        return json;
    }

    static Map<String, Object> json(SweepCampaign c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.getId());
        json.put("name", c.getName());
        json.put("startsOn", c.getStartsOn().toString());
        json.put("endsOn", c.getEndsOn().toString());
        json.put("villages", List.copyOf(c.getVillages()));
        return json;
    }
}
