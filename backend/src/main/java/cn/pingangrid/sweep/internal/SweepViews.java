package cn.pingangrid.sweep.internal;

import java.util.List;

import cn.pingangrid.system.CodeLabel;

/** What the sweep API answers, field for field as the web map reads it. */
final class SweepViews {

    private SweepViews() {
    }

    /** A filed sweep; {@code village} is null for the town's own sweeps. */
    record SweepView(Long id, CodeLabel kind, String village, Long campaignId, String periodStart, String sweptBy,
            boolean zeroReport, List<Long> disputeIds, String note, String filedBy, String filedAt) {

        static SweepView of(Sweep s) {
            return new SweepView(s.getId(), new CodeLabel(s.getKind().name(), s.getKind().label()),
                    s.getVillageCode(), s.getCampaignId(), s.getPeriodStart().toString(), s.getSweptBy(),
                    s.isZeroReport(), List.copyOf(s.getDisputeIds()), s.getNote(), s.getFiledBy(),
                    s.getFiledAt().toString());
        }
    }

    record CampaignView(Long id, String name, String startsOn, String endsOn, List<String> villages) {

        static CampaignView of(SweepCampaign c) {
            return new CampaignView(c.getId(), c.getName(), c.getStartsOn().toString(), c.getEndsOn().toString(),
                    List.copyOf(c.getVillages()));
        }
    }

    /** One village's line of a week's compliance: filed or not, a zero report, how many disputes it found. */
    record ComplianceRow(String code, String name, boolean filed, boolean zeroReport, int found) {
    }

    /** A week's compliance: the visible villages and the codes of those that have not filed. */
    record Compliance(String weekStart, List<ComplianceRow> villages, List<String> missing) {
    }
}
