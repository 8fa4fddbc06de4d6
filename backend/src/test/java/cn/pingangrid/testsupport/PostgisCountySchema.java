package cn.pingangrid.testsupport;

/** PostGIS for the county loader's test: a fresh, empty schema {@code county}, as the loader requires. */
public class PostgisCountySchema extends PostgisDemoSchema {

    public PostgisCountySchema() {
        super("county");
    }
}
