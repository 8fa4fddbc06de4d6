package cn.pingangrid.area.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.tile.TileCache;
import cn.pingangrid.tile.TileLayer;
import cn.pingangrid.tile.TileQuery;

/** The area module's vector tile layers: buildings and grids (the caller's area only) and the roads (public). */
@Configuration(proxyBeanMethods = false)
class AreaTileLayers {

    private final TileCache tiles;

    AreaTileLayers(TileCache tiles) {
        this.tiles = tiles;
    }

    /** Below this zoom a tile would hold thousands of buildings smaller than a pixel. */
    static final int BUILDINGS_MIN_ZOOM = 14;

    @Bean
    TileLayer buildingTiles(ScopedQueries queries) {
        return new TileLayer("buildings", BUILDINGS_MIN_ZOOM, false, true, tile -> TileQuery
                .over(Building.class, "building", "b").geometry("b.footprint").intersecting("b.footprint")
                .property("code", "b.code").property("use", "b.building_use").property("floors", "b.floors")
                .render(queries, tile, "buildings"));
    }

    @Bean
    TileLayer gridTiles(ScopedQueries queries) {
        return new TileLayer("grids", 0, false, true, tile -> TileQuery
                .over(Grid.class, "grid", "g").geometry("g.boundary").intersecting("g.boundary")
                .property("code", "g.code").property("name", "g.name").property("villageCode", "g.village_code")
                .property("seq", "g.seq")
                .render(queries, tile, "grids"));
    }

    @Bean
    TileLayer roadTiles(ScopedQueries queries) {
        return new TileLayer("roads", 0, true, true, tile -> TileQuery.over(Road.class, "road", "r").geometry("r.geom")
                .intersecting("r.geom").id("r.id").property("roadClass", "r.road_class").property("name", "r.name")
                .property("ref", "r.ref").render(queries, tile, "roads"));
    }

    /** The three layers change only here: the tiles made of the geography before are forgotten. */
    @EventListener
    void forgetTiles(GeographyReady imported) {
        tiles.forgetAll();
    }
}
