package duso.sql;

import duso.lang.values.DusoObject;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.lang.lexer.GoQuote;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The process-wide namespace → database table behind {@code sql()}, so every script of the
 * runtime that names a namespace shares one pool. As in the reference, a new config for a
 * namespace replaces the entry without closing the pool it held (handles already given out
 * keep using it), and {@code close()} closes a pool but leaves it registered.
 */
final class SqlRegistry {
    private final Map<String, SqlDatabase> databases = new ConcurrentHashMap<>();
    /** Every pool opened, replaced ones included, so shutdown closes them all. */
    private final Queue<SqlDatabase> opened = new ConcurrentLinkedQueue<>();

    static SqlRegistry of(DusoRuntime rt) {
        return rt.service(SqlRegistry.class, () -> {
            SqlRegistry registry = new SqlRegistry();
            rt.onFinalShutdown(registry::closeAll);
            return registry;
        });
    }

    /** {@code sql(namespace [, config])}: positional arguments win, like the reference's lookup. */
    Object open(Args a) {
        Object ns = a.raw().at(0);
        if (ns == null) {
            ns = a.raw().named("namespace");
            if (ns == null) {
                throw Args.error("sql() requires a namespace argument");
            }
        }
        String namespace = Render.goFormat(ns);
        Object cfg = a.raw().at(1);
        if (cfg == null) {
            cfg = a.raw().named("config");
        }
        if (!(cfg instanceof DusoObject config)) {
            SqlDatabase existing = databases.get(namespace);
            if (existing == null) {
                throw Args.error("sql(" + GoQuote.quote(namespace)
                        + ") does not exist and no configuration provided");
            }
            return existing.handle();
        }
        SqlDatabase db = new SqlDatabase(SqlConfig.from(config));
        opened.add(db);
        databases.put(namespace, db);
        return db.handle();
    }

    private void closeAll() {
        for (SqlDatabase db : opened) {
            db.close();
        }
    }
}
