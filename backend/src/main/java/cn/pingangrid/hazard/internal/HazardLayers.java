package cn.pingangrid.hazard.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.hazard.internal.HazardTerms.Category;
import cn.pingangrid.hazard.internal.HazardTerms.Level;
import cn.pingangrid.hazard.internal.HazardTerms.Status;
import cn.pingangrid.scope.LayerDefinition;
import cn.pingangrid.scope.ScopedQueries;

/** The risk hazard list as a feature layer (OGC API – Features), cut to the caller's area; no description or owner. */
@Configuration(proxyBeanMethods = false)
class HazardLayers {

    @Bean
    FeatureLayer hazardLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("hazards", "风险隐患",
                "风险隐患清单（点），属性：编号、类别、标题、等级、状态（代码和名称）、复核期限、上次复核日期、所在村和网格代码。"
                        + "不含描述和责任人。按调用者的区域裁剪。",
                Hazard.class, "id", "location", null, null,
                "x.id, x.category, x.title, x.level, x.status, x.reviewDue, x.lastReviewedOn, x.villageCode, "
                        + "x.gridCode, x.location",
                r -> Feature.of(r[0], r[9], "id", r[0], "category", ((Category) r[1]).name(), "categoryName",
                        ((Category) r[1]).label(), "title", r[2], "level", ((Level) r[3]).name(), "levelName",
                        ((Level) r[3]).label(), "status", ((Status) r[4]).name(), "statusName", ((Status) r[4]).label(),
                        "reviewDue", text(r[5]), "lastReviewedOn", text(r[6]), "villageCode", r[7], "gridCode", r[8]),
                LayerDefinition::longId));
    }

    private static String text(Object date) {
        return date == null ? null : date.toString();
    }
}
