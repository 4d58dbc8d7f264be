package duso.sql;

import duso.lang.values.DusoObject;
import duso.lang.values.Render;
import java.util.Properties;

/**
 * A {@code sql()} config object read the reference's loose way: strings are whatever value was
 * given, formatted with {@code %v}; numbers count only when they are numbers (anything else
 * falls back to the default); an unknown driver name means MySQL. The connection fields become
 * a JDBC URL with properties, unless a raw {@code dsn} is given, which {@link Dsn} translates.
 *
 * @param host and {@code port} name the server in connection errors ("dial tcp HOST:PORT: …")
 * @param invalid why the connection string cannot be used, reported when a connection is
 *     first needed (the Go drivers parse it then), or null
 */
record SqlConfig(Dialect dialect, String url, Properties props, String host, int port, String invalid,
                 int maxOpen, int maxIdle, long maxLifetimeSeconds, boolean returnObjects) {

    static SqlConfig from(DusoObject config) {
        String driver = string(config, "driver", "mysql");
        boolean postgres = driver.equals("postgres") || driver.equals("pg") || driver.equals("postgresql");
        int maxOpen = (int) number(config, "max_open_conns", 25);
        int maxIdle = (int) number(config, "max_idle_conns", 5);
        long lifetime = (long) number(config, "conn_max_lifetime", 300);
        boolean returnObjects = !(config.getOrNull("return_objects") instanceof Boolean b) || b;

        Object rawDsn = config.getOrNull("dsn");
        Dsn dsn;
        if (rawDsn != null) {
            dsn = postgres ? Dsn.postgres(Render.goFormat(rawDsn)) : Dsn.mysql(Render.goFormat(rawDsn));
        } else {
            String user = string(config, "user", "root");
            String password = string(config, "password", "");
            String host = string(config, "host", "localhost");
            int port = (int) number(config, "port", postgres ? 5432 : 3306);
            String database = string(config, "database", "");
            dsn = postgres
                    ? Dsn.postgresFields(host, port, user, password, database)
                    : Dsn.mysqlFields(host, port, user, password, database);
        }
        return new SqlConfig(dsn.dialect(), dsn.url(), dsn.props(), dsn.host(), dsn.port(), dsn.invalid(),
                maxOpen, maxIdle, lifetime, returnObjects);
    }

    private static String string(DusoObject config, String key, String fallback) {
        Object v = config.getOrNull(key);
        return v == null ? fallback : Render.goFormat(v);
    }

    private static double number(DusoObject config, String key, double fallback) {
        return config.getOrNull(key) instanceof Double d ? d : fallback;
    }
}
