package cn.pingangrid.site.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.scope.LayerDefinition;
import cn.pingangrid.scope.ScopedQueries;

/** 平安创建 sites as a feature layer (OGC API – Features), cut to the caller's area; no responsible person or phone. */
@Configuration(proxyBeanMethods = false)
class SiteLayers {

    @Bean
    FeatureLayer siteLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("sites", "平安创建点位",
                "平安创建十类点位（点或面），属性：编号、类别代码和名称、点位名称、状态代码和名称、所在村和网格代码、"
                        + "上次检查日期、下次检查日期。不含责任人和电话。按调用者的区域裁剪。",
                SafetySite.class, "id", "geom", null, null,
                "x.id, x.kind, x.name, x.status, x.villageCode, x.gridCode, x.lastInspectedOn, x.nextInspectionDue, "
                        + "x.geom",
                r -> Feature.of(r[0], r[8], "id", r[0], "kind", ((SiteKind) r[1]).name(), "kindName",
                        ((SiteKind) r[1]).label(), "name", r[2], "status", ((SiteStatus) r[3]).name(), "statusName",
                        ((SiteStatus) r[3]).label(), "villageCode", r[4], "gridCode", r[5], "lastInspectedOn",
                        text(r[6]), "nextInspectionDue", text(r[7])),
                LayerDefinition::longId));
    }

    private static String text(Object date) {
        return date == null ? null : date.toString();
    }
}
