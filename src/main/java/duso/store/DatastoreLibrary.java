package duso.store;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.Datastores;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * {@code datastore(ns [, config])} and {@code sys(key)}, which reads the read-only
 * {@code duso_sys} store holding the command-line flags, arguments and version; also makes
 * the stores reachable from other runtime code as the {@link Datastores} service.
 */
public final class DatastoreLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        rt.service(Datastores.class, () -> new HostAccess(rt));
        r.add("datastore", a -> open(a, rt));
        r.add("sys", a -> {
            Object k = a.raw().at(0);
            if (!(k instanceof String)) {
                k = a.raw().named("key");
                if (k == null) {
                    throw Args.error("sys() requires a string key");
                }
            }
            String key = k instanceof String s ? s : Render.goFormat(k);
            return StoreRegistry.of(rt).open("duso_sys").get(key);
        });
    }

    /** {@link Datastores} for the rest of the runtime: the registry is only made on first use. */
    private record HostAccess(DusoRuntime rt) implements Datastores {
        private Store store(String namespace) {
            return StoreRegistry.of(rt).open(namespace);
        }

        @Override
        public Object get(String namespace, String key) {
            return store(namespace).get(key);
        }

        @Override
        public void set(String namespace, String key, Object value) {
            store(namespace).set(key, value);
        }

        @Override
        public double push(String namespace, String key, Object value) {
            return store(namespace).push(key, value, false);
        }

        @Override
        public Object delete(String namespace, String key) {
            return store(namespace).delete(key);
        }

        @Override
        public boolean exists(String namespace, String key) {
            return store(namespace).exists(key);
        }

        @Override
        public DusoArray keys(String namespace) {
            return store(namespace).keys();
        }
    }

    private static Object open(Args a, DusoRuntime rt) {
        Object nsArg = a.raw().at(0);
        if (nsArg == null) {
            nsArg = a.raw().named("namespace");
            if (nsArg == null) {
                throw Args.error("datastore() requires a namespace argument");
            }
        }
        String ns = nsArg instanceof String s ? s : Render.goFormat(nsArg);
        Object cfg = a.raw().at(1);
        if (cfg == null) {
            cfg = a.raw().named("config");
        }
        Store store = StoreRegistry.of(rt).open(ns);
        if (cfg instanceof DusoObject config) {
            if (store.readonly && config.size() > 0) {
                throw Args.error("datastore(\"" + ns + "\") is read-only and does not accept configuration options");
            }
            store.configure(config, a.instance());
        }
        return store.handle();
    }
}
