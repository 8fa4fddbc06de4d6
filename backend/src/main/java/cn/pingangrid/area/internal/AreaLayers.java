package cn.pingangrid.area.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.scope.LayerDefinition;
import cn.pingangrid.scope.ScopedQueries;

/**
 * The town's geography as feature layers (OGC API – Features). Villages, grids and buildings follow the caller's
 * area, as in {@code /api}; roads, water and places are the public base map, whole-town for every signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class AreaLayers {

    @Bean
    FeatureLayer villageLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("villages", "村（社区）",
                "17 个村和社区的村界，属性：代码、名称、类别（village 村 / community 社区）、人口、户数。"
                        + "按调用者的区域裁剪：综治办和领导看到全镇，村干部和辅警看到本村，网格员看到本网格所在的村（仅轮廓）。",
                Village.class, "code", "boundary", null, null,
                "x.code, x.name, x.kind, x.population, x.households, x.boundary",
                r -> Feature.of(r[0], r[5], "code", r[0], "name", r[1], "kind", r[2], "population", r[3],
                        "households", r[4]),
                LayerDefinition.codeId(12)));
    }

    @Bean
    FeatureLayer gridLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("grids", "网格",
                "网格边界，属性：代码（村代码 + 2 位）、名称、所属村代码。按调用者的区域裁剪：网格员只看到自己的网格。",
                Grid.class, "code", "boundary", null, null, "x.code, x.name, x.villageCode, x.boundary",
                r -> Feature.of(r[0], r[3], "code", r[0], "name", r[1], "villageCode", r[2]),
                LayerDefinition.codeId(14)));
    }

    @Bean
    FeatureLayer buildingLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("buildings", "楼栋",
                "楼栋轮廓，属性：19 位楼栋代码、所属网格代码、用途（residential、commercial、public、industrial、farm）、"
                        + "层数。按调用者的区域裁剪。",
                Building.class, "code", "footprint", null, null, "x.code, x.gridCode, x.use, x.floors, x.footprint",
                r -> Feature.of(r[0], r[4], "code", r[0], "gridCode", r[1], "use", r[2], "floors", r[3]),
                LayerDefinition.codeId(19)));
    }

    @Bean
    FeatureLayer roadLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("roads", "道路",
                "道路网的路段，属性：编号、起止结点、等级（national、provincial、county、town、village）、路线编号、名称、"
                        + "设计速度。公共底图：每个登录用户都看到全镇。",
                Road.class, "id", "geom", null, null,
                "x.id, x.fromNode, x.toNode, x.roadClass, x.ref, x.name, x.speedKmh, x.geom",
                r -> Feature.of(r[0], r[7], "id", r[0], "fromNode", r[1], "toNode", r[2], "roadClass", r[3], "ref", r[4],
                        "name", r[5], "speedKmh", r[6]),
                LayerDefinition::longId));
    }

    @Bean
    FeatureLayer waterLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("water", "水系",
                "河流与水面（资江等），属性：名称、类别。公共底图：每个登录用户都看到全镇。",
                WaterBody.class, "id", "geom", null, null, "x.id, x.name, x.kind, x.geom",
                r -> Feature.of(r[0], r[3], "id", r[0], "name", r[1], "kind", r[2]), LayerDefinition::longId));
    }

    @Bean
    FeatureLayer placeLayer(ScopedQueries queries) {
        return queries.layer(new LayerDefinition("places", "地名",
                "地名点（政府、派出所、渡口、景点等），属性：名称、类别、所在村代码。公共底图：每个登录用户都看到全镇。",
                Place.class, "id", "location", null, null, "x.id, x.name, x.kind, x.villageCode, x.location",
                r -> Feature.of(r[0], r[4], "id", r[0], "name", r[1], "kind", r[2], "villageCode", r[3]),
                LayerDefinition::longId));
    }
}
