package cn.pingangrid.tile.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tile requests are matched by a handler mapping of their own, ahead of the application's. Spring MVC looks a request
 * up directly only by an exact path; a path with variables such as {@code /tiles/{layer}/{z}/{x}/{y}.mvt} is tried
 * against every one of the ~110 mappings in turn, which a profile showed costing about a quarter of a kept tile's CPU.
 * The map asks for dozens of tiles per move, so this mapping holds only the tile endpoint.
 */
@Configuration(proxyBeanMethods = false)
class TileRequestMapping {

    @Bean
    RequestMappingHandlerMapping tileHandlerMapping(
            @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager contentNegotiation) {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return beanType == TileController.class;
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setContentNegotiationManager(contentNegotiation);
        return mapping;
    }
}
