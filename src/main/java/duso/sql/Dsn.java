package duso.sql;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Go drivers' connection strings, turned into a JDBC URL and properties: lib/pq's
 * {@code postgres://user:pass@host:port/db?k=v} URLs and {@code key=value} strings, and
 * go-sql-driver's {@code user:pass@tcp(host:port)/db?k=v}. Only the settings with a JDBC
 * counterpart are carried over (ssl mode, connect timeout, application name, parseTime);
 * other PostgreSQL settings become session settings, as lib/pq sends them.
 */
record Dsn(Dialect dialect, String url, Properties props, String host, int port, String invalid) {

    /** A TCP connection's settings; a host that is a path names a Unix socket, which JDBC cannot reach. */
    Dsn(Dialect dialect, String url, Properties props, String host, int port) {
        this(dialect, url, props, host, port, host.startsWith("/")
                ? "Unix socket " + host + " is not supported by duso-jvm: connect over TCP (host and port)" : null);
    }

    static Dsn postgresFields(String host, int port, String user, String password, String database) {
        Properties p = postgresDefaults();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslmode", "disable");
        return new Dsn(new PostgresDialect(), postgresUrl(host, port, database), p, host, port);
    }

    static Dsn mysqlFields(String host, int port, String user, String password, String database) {
        Properties p = mysqlDefaults();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return new Dsn(new MysqlDialect(true), mysqlUrl(host, port, database), p, host, port);
    }

    /** A lib/pq connection string, URL or {@code key=value} form. */
    static Dsn postgres(String dsn) {
        Map<String, String> settings;
        try {
            settings = dsn.startsWith("postgres://") || dsn.startsWith("postgresql://")
                    ? postgresUrlSettings(dsn)
                    : keyValueSettings(dsn);
        } catch (SqlFailure e) {
            // lib/pq parses the string when it first connects, so that is when this fails.
            return new Dsn(new PostgresDialect(), "", new Properties(), "", 0, e.getMessage());
        }
        String host = settings.getOrDefault("host", "localhost");
        int port = parsePort(settings.getOrDefault("port", "5432"), 5432);
        String user = settings.getOrDefault("user", System.getProperty("user.name", ""));
        String database = settings.getOrDefault("dbname", user);
        Properties p = postgresDefaults();
        p.setProperty("user", user);
        StringBuilder options = new StringBuilder();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "host", "port", "user", "dbname" -> { }
                case "password" -> p.setProperty("password", v);
                case "sslmode" -> p.setProperty("sslmode", v);
                case "connect_timeout" -> p.setProperty("connectTimeout", v);
                case "application_name" -> p.setProperty("ApplicationName", v);
                default -> options.append(options.isEmpty() ? "" : " ")
                        .append("-c ").append(e.getKey()).append('=').append(v.replace(" ", "\\ "));
            }
        }
        if (!options.isEmpty()) {
            p.setProperty("options", options.toString());
        }
        return new Dsn(new PostgresDialect(), postgresUrl(host, port, database), p, host, port);
    }

    /** go-sql-driver's {@code [user[:password]@][net[(addr)]]/dbname[?param=value&…]}. */
    static Dsn mysql(String dsn) {
        String params = "";
        int q = dsn.indexOf('?', Math.max(0, dsn.lastIndexOf('/')));
        if (q >= 0) {
            params = dsn.substring(q + 1);
            dsn = dsn.substring(0, q);
        }
        int slash = dsn.lastIndexOf('/');
        String database = slash >= 0 ? dsn.substring(slash + 1) : "";
        String head = slash >= 0 ? dsn.substring(0, slash) : dsn;
        String user = "";
        String password = "";
        int at = head.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = head.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            password = colon >= 0 ? userInfo.substring(colon + 1) : "";
            head = head.substring(at + 1);
        }
        String address = "127.0.0.1:3306";
        int open = head.indexOf('(');
        if (open >= 0 && head.endsWith(")")) {
            address = head.substring(open + 1, head.length() - 1);
        }
        int colon = address.lastIndexOf(':');
        String host = colon >= 0 ? stripBrackets(address.substring(0, colon)) : address;
        int port = colon >= 0 ? parsePort(address.substring(colon + 1), 3306) : 3306;
        boolean parseTime = false;
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("parseTime")) {
                parseTime = pair.substring(eq + 1).equalsIgnoreCase("true") || pair.substring(eq + 1).equals("1");
            }
        }
        Properties p = mysqlDefaults();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return new Dsn(new MysqlDialect(parseTime), mysqlUrl(host, port, database), p, host, port);
    }

    private static Map<String, String> postgresUrlSettings(String dsn) {
        Map<String, String> s = new LinkedHashMap<>();
        String rest = dsn.substring(dsn.indexOf("://") + 3);
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        rest = q >= 0 ? rest.substring(0, q) : rest;
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        if (slash >= 0 && slash + 1 < rest.length()) {
            s.put("dbname", decode(rest.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            s.put("user", decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo));
            if (colon >= 0) {
                s.put("password", decode(userInfo.substring(colon + 1)));
            }
            authority = authority.substring(at + 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            s.put("port", authority.substring(colon + 1));
            authority = authority.substring(0, colon);
        }
        if (!authority.isEmpty()) {
            s.put("host", stripBrackets(authority));
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                s.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return s;
    }

    /** {@code key=value key='quoted \' value'}: libpq's conninfo syntax. */
    private static Map<String, String> keyValueSettings(String dsn) {
        Map<String, String> s = new LinkedHashMap<>();
        int i = 0;
        int n = dsn.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(dsn.charAt(i))) {
                i++;
            }
            int keyStart = i;
            while (i < n && dsn.charAt(i) != '=' && !Character.isWhitespace(dsn.charAt(i))) {
                i++;
            }
            String key = dsn.substring(keyStart, i);
            while (i < n && Character.isWhitespace(dsn.charAt(i))) {
                i++;
            }
            if (key.isEmpty()) {
                break;
            }
            if (i >= n || dsn.charAt(i) != '=') {
                throw new SqlFailure("missing \"=\" after "
                        + duso.lang.lexer.GoQuote.quote(key) + " in connection info string");
            }
            i++;
            while (i < n && Character.isWhitespace(dsn.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            boolean quoted = i < n && dsn.charAt(i) == '\'';
            if (quoted) {
                i++;
            }
            while (i < n) {
                char c = dsn.charAt(i);
                if (quoted ? c == '\'' : Character.isWhitespace(c)) {
                    i++;
                    break;
                }
                if (c == '\\' && i + 1 < n) {
                    c = dsn.charAt(++i);
                }
                value.append(c);
                i++;
            }
            s.put(key, value.toString());
        }
        return s;
    }

    private static Properties postgresDefaults() {
        Properties p = new Properties();
        // Results as the server's text, read the way lib/pq decodes them.
        p.setProperty("binaryTransfer", "false");
        p.setProperty("connectTimeout", "30");
        return p;
    }

    private static Properties mysqlDefaults() {
        Properties p = new Properties();
        // go-sql-driver's view of the data: TINYINT(1) and YEAR are numbers, exec counts the
        // rows changed, and statements with arguments go through the binary protocol.
        p.setProperty("tinyInt1isBit", "false");
        p.setProperty("yearIsDateType", "false");
        p.setProperty("useAffectedRows", "true");
        p.setProperty("useServerPrepStmts", "true");
        p.setProperty("connectTimeout", "30000");
        return p;
    }

    private static String postgresUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + bracketed(host) + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String mysqlUrl(String host, int port, String database) {
        return "jdbc:mariadb://" + bracketed(host) + ":" + port + "/" + database;
    }

    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int parsePort(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
