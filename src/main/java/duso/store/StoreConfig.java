package duso.store;

import duso.lang.lexer.GoQuote;
import duso.lang.values.DusoObject;
import duso.runtime.Args;
import duso.runtime.ScriptInstance;
import java.nio.file.Path;
import java.util.Base64;

/**
 * {@code datastore(ns, config)}: checks every option's type with the reference's messages,
 * then applies them and runs recovery - once per namespace. A second configuration is an
 * error (it would re-run recovery against a live store); racing configurations are
 * serialised so only one recovers. Unknown options are ignored, as the reference does.
 */
final class StoreConfig {
    private final Store store;
    private final DusoObject config;
    private final String ns;

    private StoreConfig(Store store, DusoObject config) {
        this.store = store;
        this.config = config;
        this.ns = GoQuote.quote(store.namespace);
    }

    static void configure(Store store, DusoObject config, ScriptInstance instance) {
        synchronized (store) {
            new StoreConfig(store, config).apply(instance);
        }
    }

    private void apply(ScriptInstance instance) {
        if (store.configured) {
            throw Args.error("datastore(" + ns + ") is already configured — configure a datastore in one place and "
                    + "open it elsewhere with datastore(" + ns + ")");
        }
        String persist = path("persist", "persist must be a file path string");
        double persistInterval = seconds("persist_interval");
        String wal = path("wal", "wal must be a file path string");
        double walSync = config.has("wal_sync_interval") ? seconds("wal_sync_interval") : 0.1;
        Boolean readonly = flag("readonly");
        Boolean returnDeleted = flag("return_deleted_value");
        Double maxSize = null;
        if (config.has("max_value_size")) {
            if (!(config.get("max_value_size") instanceof Double d)) {
                throw fail("max_value_size must be a number of bytes");
            }
            if (d < 0) {
                throw fail("max_value_size cannot be negative");
            }
            maxSize = d;
        }
        byte[] key = encryptKey();
        if (readonly != null) {
            store.readonly = readonly;
        }
        if (returnDeleted != null) {
            store.returnDeletedValue = returnDeleted;
        }
        if (maxSize != null) {
            store.maxValueSize = (long) maxSize.doubleValue();
        }
        ReplicationConfig.check(config, ns, store.readonly, instance);

        Path persistPath = persist == null || persist.isEmpty() ? null : instance.resolvePath(persist);
        Path walPath = wal == null || wal.isEmpty() ? null : instance.resolvePath(wal);
        long syncNanos = (long) (walSync * 1e9);
        store.lock.lock();
        try {
            store.setWalSync(syncNanos);
            if (persistPath != null || walPath != null) {
                Persistence p = new Persistence(store, persistPath, walPath, key == null ? null : new StoreCipher(key),
                        store.readonly, syncNanos <= 0);
                p.recover();
                store.persistence = p;
            }
            store.configured = true;
        } finally {
            store.lock.unlock();
        }
        long intervalNanos = (long) (persistInterval * 1e9);
        Persistence p = store.persistence;
        if (intervalNanos > 0 && !store.readonly && p != null && p.hasSnapshot()) {
            store.registry().every(p::save, intervalNanos);
        }
    }

    private RuntimeException fail(String what) {
        return Args.error("datastore(" + ns + "): " + what);
    }

    private String path(String name, String message) {
        Object v = config.getOrNull(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw fail(message);
        }
        return s;
    }

    /** An optional non-negative number of seconds (0 when absent). */
    private double seconds(String name) {
        Object v = config.getOrNull(name);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Double d)) {
            throw fail(name + " must be a number of seconds");
        }
        if (d < 0) {
            throw fail(name + " cannot be negative");
        }
        return d;
    }

    private Boolean flag(String name) {
        Object v = config.getOrNull(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw fail(name + " must be true or false");
        }
        return b;
    }

    /** encrypt_key: base64 (standard alphabet, padded) of exactly 32 bytes. */
    private byte[] encryptKey() {
        Object v = config.getOrNull("encrypt_key");
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw fail("encrypt_key must be a base64-encoded string");
        }
        int bad = firstInvalidBase64(s);
        byte[] key = null;
        if (bad < 0) {
            try {
                key = Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                bad = s.length();
            }
        }
        if (key == null) {
            throw fail("encrypt_key is not valid base64: illegal base64 data at input byte " + bad);
        }
        if (key.length != 32) {
            throw fail("encrypt_key must decode to 32 bytes for AES-256, got " + key.length);
        }
        return key;
    }

    /** Where Go's padded decoder gives up, or -1 when the text is well-formed. */
    private static int firstInvalidBase64(String s) {
        int n = s.length();
        int pad = n > 0 && s.charAt(n - 1) == '=' ? (n > 1 && s.charAt(n - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < n - pad; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return i;
            }
        }
        return n % 4 == 0 ? -1 : n - n % 4;
    }
}
