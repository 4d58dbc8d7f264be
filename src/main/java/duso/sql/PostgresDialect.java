package duso.sql;

import duso.lang.values.GoNumbers;
import duso.lang.values.NumberFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL through pgjdbc, behaving like lib/pq: {@code $n} placeholders, every argument sent
 * as text of unspecified type for the server to infer (so {@code SELECT $1} with 42 yields the
 * string "42"), results decoded from their text form by column type (integers and floats as
 * numbers, bool, bytea as text, date/time types as Unix seconds, everything else as its text),
 * and errors worded {@code pq: MESSAGE at column N (SQLSTATE)}.
 */
final class PostgresDialect extends Dialect {
    /** Unix seconds of 0000-01-01T00:00:00Z, the date Go gives a parsed time of day. */
    private static final long YEAR_ZERO = -62167219200L;
    /**
     * pgjdbc logs through java.util.logging, which prints to stderr (a malformed URL printed a
     * WARNING with a date stamp into the script's output); every failure reaches the script as
     * an error value instead. Held here because the logging framework keeps loggers weakly.
     */
    private static final java.util.logging.Logger DRIVER_LOG = quiet("org.postgresql");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(java.util.logging.Level.OFF);
        return log;
    }

    @Override
    Connection connect(String url, Properties props) throws SQLException {
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("invalid connection URL " + url);
        }
        return c;
    }

    @Override
    Statement execute(Connection c, String sql, List<Object> params) throws SQLException {
        PgPlaceholders plan = PgPlaceholders.of(sql);
        if (params.isEmpty()) {
            if (plan.occurrences().length > 0) {
                rejectUnboundPlaceholder(c, sql, plan);
            }
            Statement st = c.createStatement();
            return run(st, () -> {
                prepare(st);
                st.execute(sql);
            });
        }
        if (plan.multipleStatements()) {
            throw new SqlFailure("pq: cannot insert multiple commands into a prepared statement (42601)");
        }
        if (params.size() != plan.required() || plan.firstMissing() >= 0) {
            rejectArguments(c, sql, plan, params.size());
        }
        PreparedStatement ps = c.prepareStatement(plan.jdbcSql());
        return run(ps, () -> {
            prepare(ps);
            int[] occurrences = plan.occurrences();
            for (int i = 0; i < occurrences.length; i++) {
                bind(ps, i + 1, params.get(occurrences[i] - 1));
            }
            ps.execute();
        });
    }

    /**
     * lib/pq lets the server parse the statement before it checks the argument count, so the
     * server's complaints come first: have it parse (without running) the statement, then
     * raise what the server says about a number left out ($2 in "$1, $3"), else the count.
     */
    private static void rejectArguments(Connection c, String sql, PgPlaceholders plan, int given)
            throws SQLException {
        if (plan.firstMissing() == 0) {
            try (Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                st.execute(sql); // "$0" never parses: this raises the server's own error
            }
        } else {
            try (PreparedStatement probe = c.prepareStatement(plan.jdbcSql())) {
                probe.getParameterMetaData();
            }
        }
        if (plan.firstMissing() > 0) {
            throw new SqlFailure("pq: could not determine data type of parameter $" + plan.firstMissing()
                    + " (42P18)");
        }
        throw new SqlFailure("pq: got " + given + " parameters but the statement requires " + plan.required());
    }

    /**
     * Without arguments lib/pq sends the text as a simple query, where the server reports a
     * placeholder as "there is no parameter $n"; pgjdbc would send it for binding instead and
     * get another complaint. So the server parses it (its own errors first), then that error
     * is raised for the first placeholder.
     */
    private static void rejectUnboundPlaceholder(Connection c, String sql, PgPlaceholders plan)
            throws SQLException {
        if (plan.firstMissing() != 0 && !plan.multipleStatements()) {
            try (PreparedStatement probe = c.prepareStatement(plan.jdbcSql())) {
                probe.getParameterMetaData();
            }
        }
        StringBuilder b = new StringBuilder("pq: there is no parameter $").append(plan.occurrences()[0]);
        appendPosition(b, sql, plan.firstPosition());
        throw new SqlFailure(b.append(" (42P02)").toString());
    }

    private static void prepare(Statement st) throws SQLException {
        st.setEscapeProcessing(false);
        st.setQueryTimeout(SqlDatabase.TIMEOUT_SECONDS);
    }

    /** lib/pq's text encoding of a Go value; the server picks the type. */
    private static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.OTHER);
        } else if (v instanceof Double d) {
            ps.setObject(index, NumberFormat.formatF(d), Types.OTHER);
        } else {
            ps.setObject(index, v.toString(), Types.OTHER);
        }
    }

    @Override
    ColumnReader reader(ResultSetMetaData md, int column, boolean prepared) throws SQLException {
        return switch (md.getColumnTypeName(column)) {
            case "int2", "int4", "int8", "serial", "bigserial", "smallserial" -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : (double) Long.parseLong(s);
            };
            case "float4", "float8" -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : GoNumbers.parseFloat(s);
            };
            case "bool" -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : s.charAt(0) == 't';
            };
            case "bytea" -> (rs, i) -> text(rs.getBytes(i));
            case "timestamptz" -> (rs, i) -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : (double) t.toEpochSecond();
            };
            case "timestamp" -> (rs, i) -> {
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                return t == null ? null : (double) t.toEpochSecond(ZoneOffset.UTC);
            };
            case "date" -> (rs, i) -> {
                LocalDate d = rs.getObject(i, LocalDate.class);
                return d == null ? null : (double) (d.toEpochDay() * 86400);
            };
            case "time", "timetz" -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : timeOfDay(s);
            };
            default -> (rs, i) -> rs.getString(i);
        };
    }

    /**
     * A time (with or without zone) as Go parses it with no date: on 0000-01-01, so its Unix
     * seconds are that day's plus the time of day, less the zone offset; 24:00:00 is the next
     * midnight.
     */
    static double timeOfDay(String s) {
        long seconds = Long.parseLong(s.substring(0, 2)) * 3600 + Long.parseLong(s.substring(3, 5)) * 60
                + Long.parseLong(s.substring(6, 8));
        int zone = -1;
        for (int k = 8; k < s.length(); k++) {
            if (s.charAt(k) == '+' || s.charAt(k) == '-') {
                zone = k;
                break;
            }
        }
        if (zone > 0) {
            String[] parts = s.substring(zone + 1).split(":");
            long offset = 0;
            long unit = 3600;
            for (String part : parts) {
                offset += Long.parseLong(part) * unit;
                unit /= 60;
            }
            seconds -= s.charAt(zone) == '-' ? -offset : offset;
        }
        return YEAR_ZERO + seconds;
    }

    @Override
    String describe(SQLException e, String sql, String host, int port) {
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage m = pe.getServerErrorMessage();
            StringBuilder b = new StringBuilder("pq: ").append(m.getMessage());
            if (sql != null && m.getPosition() > 0) {
                appendPosition(b, sql, m.getPosition());
            }
            if (m.getSQLState() != null && !m.getSQLState().isEmpty()) {
                b.append(" (").append(m.getSQLState()).append(')');
            }
            return b.toString();
        }
        String dial = dialError(e, host, port);
        return dial != null ? dial : e.getMessage();
    }

    /** lib/pq's " at column C" (one line) or " at position L:C", counted in characters. */
    private static void appendPosition(StringBuilder b, String sql, int position) {
        String[] lines = sql.split("\n", -1);
        int read = 0;
        int line = 0;
        int col = 0;
        for (String l : lines) {
            line++;
            int length = l.codePointCount(0, l.length()) + 1;
            if (read + length >= position) {
                col = Math.max(position - read, 1);
                break;
            }
            read += length;
        }
        if (lines.length == 1) {
            b.append(" at column ").append(col);
        } else {
            b.append(" at position ").append(line).append(':').append(col);
        }
    }

    @Override
    boolean countsReturnedRows() {
        return true;
    }
}
