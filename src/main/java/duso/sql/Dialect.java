package duso.sql;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * What differs between the two database families behind {@code sql()}: how a statement and
 * its arguments reach the server, how column values become script values, and how errors are
 * worded. Each subclass reproduces the Go driver the reference uses (lib/pq, go-sql-driver),
 * whose choices scripts see: value types, placeholder syntax, message texts.
 */
abstract class Dialect {
    /** Reads one column of the current row; null for SQL NULL. */
    @FunctionalInterface
    interface ColumnReader {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    /** Statement setup and execution that may fail. */
    @FunctionalInterface
    interface Step {
        void run() throws SQLException;
    }

    abstract Connection connect(String url, Properties props) throws SQLException;

    /** Runs the statement with its arguments; the returned statement is at its first result. */
    abstract Statement execute(Connection c, String sql, List<Object> params) throws SQLException;

    /** How a column of this type reads; {@code prepared} when the statement had arguments. */
    abstract ColumnReader reader(ResultSetMetaData md, int column, boolean prepared) throws SQLException;

    /** The driver's text for a failure of a statement (sql is null for connection failures). */
    abstract String describe(SQLException e, String sql, String host, int port);

    /** Rows a statement that returned rows counts as "affected" (lib/pq reads its tag). */
    abstract boolean countsReturnedRows();

    /** Runs the step on the statement; a statement whose step fails is closed, not leaked. */
    static <S extends Statement> S run(S statement, Step step) throws SQLException {
        try {
            step.run();
            return statement;
        } catch (SQLException | RuntimeException e) {
            try {
                statement.close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** The first result with columns, as rows; none when the statements returned no rows. */
    final DusoArray query(Connection c, String sql, List<Object> params, boolean objects) throws SQLException {
        try (Statement st = execute(c, sql, params)) {
            while (true) {
                ResultSet rs = st.getResultSet();
                if (rs != null) {
                    try (rs) {
                        return rows(rs, !params.isEmpty(), objects);
                    }
                }
                if (st.getUpdateCount() == -1) {
                    return new DusoArray();
                }
                st.getMoreResults();
            }
        }
    }

    /** The count of the last statement's result. */
    final double exec(Connection c, String sql, List<Object> params) throws SQLException {
        try (Statement st = execute(c, sql, params)) {
            long count = 0;
            while (true) {
                ResultSet rs = st.getResultSet();
                if (rs != null) {
                    long rows = 0;
                    try (rs) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    count = countsReturnedRows() ? rows : 0;
                } else {
                    long updated = st.getLargeUpdateCount();
                    if (updated == -1) {
                        return count;
                    }
                    count = updated;
                }
                st.getMoreResults();
            }
        }
    }

    private DusoArray rows(ResultSet rs, boolean prepared, boolean objects) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] names = new String[n];
        ColumnReader[] readers = new ColumnReader[n];
        for (int i = 0; i < n; i++) {
            names[i] = md.getColumnLabel(i + 1);
            readers[i] = reader(md, i + 1, prepared);
        }
        DusoArray result = new DusoArray();
        while (rs.next()) {
            if (objects) {
                DusoObject row = new DusoObject(n);
                for (int i = 0; i < n; i++) {
                    row.put(names[i], orNil(readers[i].read(rs, i + 1)));
                }
                result.add(row);
            } else {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = orNil(readers[i].read(rs, i + 1));
                }
                result.add(DusoArray.wrap(row));
            }
        }
        return result;
    }

    private static Object orNil(Object v) {
        return v == null ? Nil.NIL : v;
    }

    /**
     * Go's net.Dial wording for a connection that never got to speak to the server, or null
     * when the failure was something else.
     */
    static String dialError(Throwable e, String host, int port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "dial tcp: lookup " + host + ": no such host";
            }
            if (t instanceof ConnectException) {
                return "dial tcp " + address(host, port) + ": connect: connection refused";
            }
            if (t instanceof SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")) {
                return "dial tcp " + address(host, port) + ": i/o timeout";
            }
        }
        return null;
    }

    private static String address(String host, int port) {
        String ip = host;
        try {
            ip = InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException | SecurityException ignored) {
            // keep the name as given
        }
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** Bytes as Go's string(bytes): the reference hands byte columns to scripts as text. */
    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
