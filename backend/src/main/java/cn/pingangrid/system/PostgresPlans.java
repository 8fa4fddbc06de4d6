package cn.pingangrid.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every PostgreSQL connection plans each statement for the values it is run with ({@code plan_cache_mode =
 * force_custom_plan}). The driver prepares a statement on the server after five runs, and PostgreSQL then switches
 * to one generic plan when that looks cheaper, as it does for a box query: not knowing the box, it guesses one row
 * for {@code location && $1} and reads every dispute ever recorded in the box from the table, 150 ms where the
 * box's own plan takes 15 (issue 14, county scale). Planning each run costs tens of microseconds. A URL that sets
 * its own {@code options} keeps them. H2GIS has no such cache and is left alone. docs/decisions/postgres-custom-plans.md
 */
@Component
class PostgresPlans implements BeanPostProcessor {

    static final String OPTIONS = "-c plan_cache_mode=force_custom_plan";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getDataSourceProperties().containsKey("options")) {
            pool.addDataSourceProperty("options", OPTIONS);
        }
        return bean;
    }
}
