package duso.sql;

import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * {@code sql(namespace [, config])}: registers the name only. The registry, the pool and the
 * JDBC drivers behind it are first touched inside the call, so scripts that never open a
 * database load none of them.
 */
public final class SqlLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("sql", a -> SqlRegistry.of(rt).open(a));
    }
}
