package cn.pingangrid.dispute.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.HandlingLevel;
import cn.pingangrid.dispute.Severity;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.scope.LayerDefinition;
import cn.pingangrid.scope.ScopedQueries;

/**
 * Disputes as points for GIS tools (OGC API – Features), cut to the caller's area, WITHOUT personal data: the
 * projection names no party, phone, sweeper or free text (situation, measures, remarks, notes can all hold names),
 * only codes, levels and dates. Dated by 排查时间 ({@code sweptOn}), the one period every view uses.
 */
@Configuration(proxyBeanMethods = false)
class DisputeLayers {

    @Bean
    FeatureLayer disputeLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("disputes", "矛盾纠纷",
                "矛盾纠纷的位置（点），不含任何个人信息（无当事人、电话、排查人、情况描述等文字），属性：编号、类型、等级、"
                        + "状态、处理层级（代码和名称）、排查日期、发生日期、化解日期、是否逾期、所在村和网格代码。"
                        + "datetime 按排查日期筛选。按调用者的区域裁剪：网格员本网格，村干部和辅警本村，综治办和领导全镇，"
                        + "调解员只看到移交本单位的纠纷。",
                Dispute.class, "id", "location", "sweptOn", null,
                "x.id, x.type, x.severity, x.status, x.level, x.sweptOn, x.occurredOn, x.resolvedOn, x.overdue, "
                        + "x.villageCode, x.gridCode, x.location",
                r -> Feature.of(r[0], r[11], "id", r[0], "type", ((DisputeType) r[1]).name(), "typeName",
                        ((DisputeType) r[1]).label(), "severity", ((Severity) r[2]).name(), "severityName",
                        ((Severity) r[2]).label(), "status", ((DisputeStatus) r[3]).name(), "statusName",
                        ((DisputeStatus) r[3]).label(), "level", r[4] == null ? null : ((HandlingLevel) r[4]).name(),
                        "levelName", r[4] == null ? null : ((HandlingLevel) r[4]).label(), "sweptOn", text(r[5]),
                        "occurredOn", text(r[6]), "resolvedOn", text(r[7]), "overdue", r[8], "villageCode", r[9],
                        "gridCode", r[10]),
                LayerDefinition::longId));
    }

    private static String text(Object date) {
        return date == null ? null : date.toString();
    }
}
