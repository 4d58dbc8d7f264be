package duso.sql;

import duso.lang.values.NumberFormat;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

/**
 * MySQL, MariaDB and TiDB through the MariaDB driver, behaving like go-sql-driver/mysql:
 * {@code ?} placeholders, arguments bound as typed values through a server-side prepared
 * statement (the binary protocol), and results as that driver hands them over: integers and
 * doubles as numbers (TINYINT(1) too), FLOAT and BIGINT UNSIGNED beyond int64 as text (Go
 * formats float32 and uint64 values it does not know), DATE/DATETIME/TIMESTAMP as Unix seconds
 * read in UTC when {@code parseTime} is on, everything else as text. Errors read
 * {@code Error 1064 (42000): MESSAGE}.
 */
final class MysqlDialect extends Dialect {
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
    /** Unix seconds of Go's zero time (0001-01-01), what a zero date parses to. */
    private static final long ZERO_TIME = -62135596800L;

    private final boolean parseTime;

    MysqlDialect(boolean parseTime) {
        this.parseTime = parseTime;
    }

    @Override
    Connection connect(String url, Properties props) throws SQLException {
        Connection c = new org.mariadb.jdbc.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("invalid connection URL " + url);
        }
        return c;
    }

    @Override
    Statement execute(Connection c, String sql, List<Object> params) throws SQLException {
        if (params.isEmpty()) {
            Statement st = c.createStatement();
            return run(st, () -> {
                st.setEscapeProcessing(false);
                st.setQueryTimeout(SqlDatabase.TIMEOUT_SECONDS);
                st.execute(sql);
            });
        }
        PreparedStatement ps = c.prepareStatement(sql);
        return run(ps, () -> {
            ps.setQueryTimeout(SqlDatabase.TIMEOUT_SECONDS);
            int wanted = ps.getParameterMetaData().getParameterCount();
            if (wanted != params.size()) {
                throw new SqlFailure("sql: expected " + wanted + " arguments, got " + params.size());
            }
            for (int i = 0; i < params.size(); i++) {
                Object v = params.get(i);
                if (v == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else if (v instanceof Double d) {
                    ps.setDouble(i + 1, d);
                } else if (v instanceof Boolean b) {
                    ps.setBoolean(i + 1, b);
                } else {
                    ps.setString(i + 1, v.toString());
                }
            }
            ps.execute();
        });
    }

    @Override
    ColumnReader reader(ResultSetMetaData md, int column, boolean prepared) throws SQLException {
        int type = md.getColumnType(column);
        boolean signed = md.isSigned(column);
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> (rs, i) -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : (double) v;
            };
            case Types.BIGINT -> signed ? (rs, i) -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : (double) v;
            } : (rs, i) -> {
                String s = rs.getString(i);
                // Text results hand Go a uint64 (formatted back to text); binary results an
                // int64 when it fits.
                if (s == null || !prepared || new BigInteger(s).compareTo(MAX_INT64) > 0) {
                    return s;
                }
                return (double) Long.parseLong(s);
            };
            case Types.REAL, Types.FLOAT -> (rs, i) -> {
                float f = rs.getFloat(i);
                return rs.wasNull() ? null : NumberFormat.formatG(Double.parseDouble(Float.toString(f)));
            };
            case Types.DOUBLE -> (rs, i) -> {
                double d = rs.getDouble(i);
                return rs.wasNull() ? null : d;
            };
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> parseTime
                    ? (rs, i) -> {
                        String s = rs.getString(i);
                        return s == null ? null : unixSeconds(s);
                    }
                    : (rs, i) -> rs.getString(i);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.BIT ->
                    (rs, i) -> text(rs.getBytes(i));
            default -> (rs, i) -> rs.getString(i);
        };
    }

    /** A DATE or DATETIME text read in UTC (go-sql-driver's default location). */
    static double unixSeconds(String s) {
        if (s.startsWith("0000-00-00")) {
            return ZERO_TIME;
        }
        LocalDate date = LocalDate.parse(s.substring(0, 10));
        if (s.length() <= 10) {
            return date.toEpochDay() * 86400.0;
        }
        LocalDateTime t = LocalDateTime.parse(s.substring(0, 10) + "T" + s.substring(11));
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    @Override
    String describe(SQLException e, String sql, String host, int port) {
        String dial = dialError(e, host, port);
        if (dial != null) {
            return dial;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("(conn=")) {
            int close = message.indexOf(") ");
            if (close > 0) {
                message = message.substring(close + 2);
            }
        }
        int nl = message.indexOf("\nQuery is:");
        if (nl >= 0) {
            message = message.substring(0, nl);
        }
        if (e.getErrorCode() > 0) {
            String state = e.getSQLState();
            return "Error " + e.getErrorCode() + (state != null && !state.isEmpty() ? " (" + state + ")" : "")
                    + ": " + message;
        }
        return message;
    }

    @Override
    boolean countsReturnedRows() {
        return false;
    }
}
