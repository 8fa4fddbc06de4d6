package cn.pingangrid.border.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.scope.LayerDefinition;
import cn.pingangrid.scope.ScopedQueries;

/**
 * Border segments and their sensitive zones as feature layers (OGC API – Features), listed as {@code /api} lists
 * them: a segment when one of the villages along it is the caller's (a grid manager: their village's).
 */
@Configuration(proxyBeanMethods = false)
class BorderLayers {

    private static final String PROPERTIES = "属性：编号、类别（TOWN 镇界 / VILLAGE 村界）、名称、相邻辖区及其所属县、是否县界、"
            + "沿线村代码（逗号分隔）、长度（米）、敏感区宽度（米）、是否敏感。";

    @Bean
    FeatureLayer borderSegmentLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("border-segments", "边界段",
                "镇界按相邻辖区、村界按相邻两村分成的边界段（线）。" + PROPERTIES + "按调用者的区域裁剪：列出沿线有本人村的边界段。",
                BorderSegment.class, "id", "geom", null, null, "x.id, x",
                r -> feature((BorderSegment) r[1], false), LayerDefinition::longId));
    }

    @Bean
    FeatureLayer borderZoneLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("border-zones", "边界敏感区",
                "敏感边界段两侧的缓冲区（面，宽度见属性），区内的纠纷是跨界纠纷。" + PROPERTIES
                        + "只含敏感的边界段；按调用者的区域裁剪，同边界段。",
                BorderSegment.class, "id", "zone", null, "x.sensitive = true", "x.id, x",
                r -> feature((BorderSegment) r[1], true), LayerDefinition::longId));
    }

    private static Feature feature(BorderSegment segment, boolean zone) {
        Feature feature = zone ? segment.toZoneFeature() : segment.toLineFeature();
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        // a list is no column type of GIS formats (GeoPackage, Shapefile): codes joined as text
        properties.put("villageCodes", String.join(",", segment.getVillageCodes()));
        return new Feature(feature.id(), feature.geometry(), properties);
    }
}
