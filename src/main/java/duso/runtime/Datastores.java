package duso.runtime;

import duso.lang.values.DusoArray;

/**
 * The datastores as other runtime code sees them (spawn's {@code io} queues, the
 * {@code /STORE/} virtual files in {@code duso_vfs}, {@code schedule()} in
 * {@code duso_schedule}), without depending on the store package. Installed as a runtime
 * service by the datastore library; nothing is created until a method is called.
 *
 * <p>These are host writes: they go through the same locks, copies, waiter wake-ups and WAL
 * as script writes, but are allowed on the read-only namespaces (which are read-only to
 * scripts, not to the runtime that fills them).
 */
public interface Datastores {
    /** A copy of the value, or nil. */
    Object get(String namespace, String key);

    void set(String namespace, String key, Object value);

    /** Appends to the array at key (created when missing); returns the new length. */
    double push(String namespace, String key, Object value);

    /** Removes the key; returns the removed value or nil. */
    Object delete(String namespace, String key);

    boolean exists(String namespace, String key);

    DusoArray keys(String namespace);

    /** The installed datastores, or an error if the datastore library is not part of this runtime. */
    static Datastores of(DusoRuntime runtime) {
        return runtime.service(Datastores.class, () -> {
            throw new IllegalStateException("this runtime has no datastore library");
        });
    }
}
