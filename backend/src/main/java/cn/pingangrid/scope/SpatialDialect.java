package cn.pingangrid.scope;

/** The two databases the product runs on, for the few queries that must be written in each one's SQL. */
public enum SpatialDialect {
    /** The embedded default: H2 with H2GIS; its spatial index is used only through the {@code &&} operator. */
    H2GIS,
    /** Production: PostgreSQL with PostGIS. */
    POSTGIS
}
