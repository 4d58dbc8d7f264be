package duso.sql;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.NativeFunction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code sql()} namespace's pool and the script object over it: {@code query}, {@code exec},
 * {@code ping} and {@code close}. Each operation borrows a connection for its own duration, so
 * concurrent scripts share the pool; the reference's 30-second limit per statement (5 for
 * ping) bounds both the wait for a connection and the statement. A failure on a connection
 * that had sat idle and turns out to be dead is retried once on a fresh one, as database/sql
 * retries a bad connection.
 */
final class SqlDatabase {
    static final int TIMEOUT_SECONDS = 30;
    private static final int PING_SECONDS = 5;

    private final SqlConfig config;
    private final ConnectionPool pool;

    SqlDatabase(SqlConfig config) {
        this.config = config;
        this.pool = new ConnectionPool(this::connect, config.maxOpen(), config.maxIdle(),
                config.maxLifetimeSeconds());
    }

    /** A fresh handle object each call, as the reference builds one per {@code sql()} call. */
    DusoObject handle() {
        DusoObject o = new DusoObject(4);
        o.put("query", new NativeFunction("query", this::query));
        o.put("exec", new NativeFunction("exec", this::exec));
        o.put("ping", new NativeFunction("ping", a -> ping()));
        o.put("close", new NativeFunction("close", a -> {
            close();
            return Nil.NIL;
        }));
        return o;
    }

    void close() {
        pool.close();
    }

    private Connection connect() throws SQLException {
        if (config.invalid() != null) {
            throw new SqlFailure(config.invalid());
        }
        return config.dialect().connect(config.url(), config.props());
    }

    private Object query(Args a) {
        String sql = sqlText(a, "query");
        List<Object> params = params(a);
        boolean objects = config.returnObjects();
        Object flag = a.raw().named("return_objects");
        if (flag == null) {
            flag = a.raw().at(2);
        }
        if (flag instanceof Boolean b) {
            objects = b;
        }
        boolean asObjects = objects;
        return run("query", sql, c -> config.dialect().query(c, sql, params, asObjects));
    }

    private Object exec(Args a) {
        String sql = sqlText(a, "exec");
        List<Object> params = params(a);
        return run("exec", sql, c -> config.dialect().exec(c, sql, params));
    }

    private boolean ping() {
        ConnectionPool.Pooled p;
        try {
            p = pool.acquire(System.nanoTime() + TimeUnit.SECONDS.toNanos(PING_SECONDS));
        } catch (SQLException | SqlFailure e) {
            return false;
        }
        boolean alive = false;
        try {
            alive = p.connection().isValid(PING_SECONDS);
        } catch (SQLException e) {
            alive = false;
        } finally {
            pool.release(p, !alive);
        }
        return alive;
    }

    @FunctionalInterface
    private interface Operation {
        Object run(Connection c) throws SQLException;
    }

    private Object run(String op, String sql, Operation body) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (int attempt = 0; ; attempt++) {
            ConnectionPool.Pooled p;
            try {
                p = pool.acquire(deadline);
            } catch (SQLException e) {
                throw failure(op, config.dialect().describe(e, null, config.host(), config.port()));
            } catch (SqlFailure e) {
                throw failure(op, e.getMessage());
            }
            boolean broken = false;
            try {
                return body.run(p.connection());
            } catch (SQLException e) {
                broken = connectionLost(e, p.connection());
                if (broken && p.reused() && attempt == 0) {
                    continue;
                }
                throw failure(op, config.dialect().describe(e, sql, config.host(), config.port()));
            } catch (SqlFailure e) {
                throw failure(op, e.getMessage());
            } finally {
                pool.release(p, broken);
            }
        }
    }

    private static boolean connectionLost(SQLException e, Connection c) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        try {
            return c.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    private static RuntimeException failure(String op, String message) {
        return Args.error(op + " error: " + message);
    }

    /** The statement: positional first, then named {@code query}; only a string counts. */
    private static String sqlText(Args a, String op) {
        if (a.raw().at(0) instanceof String s) {
            return s;
        }
        if (a.raw().named("query") instanceof String s) {
            return s;
        }
        throw Args.error(op + "() requires a SQL string as first argument");
    }

    /**
     * The arguments: named {@code values} first, then the second positional; an array gives
     * one argument per element, nil none, any other value one. Values without an SQL
     * counterpart are sent as their text.
     */
    private static List<Object> params(Args a) {
        Object v = a.raw().named("values");
        if (v == null) {
            v = a.raw().at(1);
        }
        if (v == null || v == Nil.NIL) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        if (v instanceof DusoArray arr) {
            for (int i = 0; i < arr.size(); i++) {
                out.add(param(arr.get(i)));
            }
        } else {
            out.add(param(v));
        }
        return out;
    }

    private static Object param(Object v) {
        if (v == Nil.NIL) {
            return null;
        }
        if (v instanceof Double || v instanceof String || v instanceof Boolean) {
            return v;
        }
        return Render.concat(v);
    }
}
