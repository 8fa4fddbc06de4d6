package cn.pingangrid.scope;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a statement with the box operator {@code &&} is planned for the values of each run; every other
 * statement keeps the server's plan cache. The driver prepares a statement on the server after five runs, and
 * PostgreSQL then keeps one generic plan when its estimate is lower, as it always is for {@code location && $1}
 * (an unknown box is guessed to hold one row). For the dispute layer that plan read every dispute ever recorded in
 * the box from the table: 150 ms where the box's own plan takes 15 (issue 14, county scale). A box statement is
 * therefore never prepared on the server ({@code prepareThreshold} 0 on that statement alone). Planning every
 * statement instead ({@code plan_cache_mode}) cost a quarter of a signed-in request's throughput (the session
 * read). H2GIS has no plan cache and is left alone. docs/decisions/postgres-custom-plans.md
 */
@Component
class SpatialStatementPlans implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            return new PlannedDataSource(pool);
        }
        return bean;
    }

    /** The pool, its connections giving box statements a plan of their own; closing it closes the pool. */
    static final class PlannedDataSource extends DelegatingDataSource implements Closeable {

        PlannedDataSource(HikariDataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return planned(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return planned(super.getConnection(username, password));
        }

        @Override
        public void close() {
            ((HikariDataSource) obtainTargetDataSource()).close();
        }
    }

    static Connection planned(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SpatialStatementPlans.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                            && args[0] instanceof String sql && sql.contains("&&")) {
                        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                    }
                    return result;
                });
    }
}
