package duso.store;

import duso.lang.lexer.GoQuote;
import duso.lang.values.DusoObject;
import duso.runtime.Args;
import duso.runtime.FileFailure;
import duso.runtime.ScriptInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code replicate_*} options of {@code datastore(ns, config)}, checked in the reference's
 * order and with its messages, so a misconfiguration reads the same on both runtimes. A store
 * that would actually lead or follow is then refused: replication is not available here
 * (docs/compatibility.md).
 */
final class ReplicationConfig {
    private static final List<String> KEYS = List.of("replicate_listen", "replicate_from",
            "replicate_secret", "replicate_readonly_secret", "replicate_buffer", "replicate_cert_file",
            "replicate_key_file", "replicate_ca_file", "replicate_cert_reload_interval");
    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");

    private final DusoObject config;
    private final String ns;

    private ReplicationConfig(DusoObject config, String ns) {
        this.config = config;
        this.ns = ns;
    }

    /** Throws the reference's error for the first thing wrong, or "not supported" for a valid role. */
    static void check(DusoObject config, String quotedNs, boolean readonly, ScriptInstance instance) {
        new ReplicationConfig(config, quotedNs).check(readonly, instance);
    }

    private void check(boolean readonly, ScriptInstance instance) {
        String listen = string("replicate_listen");
        String from = string("replicate_from");
        String secret = string("replicate_secret");
        String certFile = string("replicate_cert_file");
        String keyFile = string("replicate_key_file");
        String caFile = string("replicate_ca_file");
        String readSecret = string("replicate_readonly_secret");
        boolean leader = !listen.isEmpty();
        boolean follower = !from.isEmpty();
        if (leader && follower) {
            throw fail("set replicate_listen to lead or replicate_from to follow, not both");
        }
        if (!leader && !follower) {
            for (String k : KEYS) {
                if (config.has(k)) {
                    throw fail(k + " needs either replicate_listen (to lead) or replicate_from (to follow)");
                }
            }
            return;
        }
        if (secret.isEmpty()) {
            throw fail("replication requires replicate_secret, shared by the leader and every follower");
        }
        if (certFile.isEmpty() != keyFile.isEmpty()) {
            throw fail("replicate_cert_file and replicate_key_file must be set together");
        }
        if (follower && (!certFile.isEmpty() || !keyFile.isEmpty())) {
            throw fail("replicate_cert_file and replicate_key_file configure a leader's listener; a follower sets "
                    + "replicate_from to a wss:// URL instead");
        }
        if (follower && !readSecret.isEmpty()) {
            throw fail("replicate_readonly_secret is a leader option; a follower presents whichever secret it was "
                    + "given as replicate_secret");
        }
        if (!readSecret.isEmpty() && readSecret.equals(secret)) {
            throw fail("replicate_readonly_secret must differ from replicate_secret, or the grant it implies means nothing");
        }
        if (leader && !caFile.isEmpty()) {
            throw fail("replicate_ca_file tells a follower which CA to trust; a leader sets replicate_cert_file and "
                    + "replicate_key_file instead");
        }
        if (readonly) {
            throw Args.error("datastore(" + ns + ") is read-only and cannot participate in replication");
        }
        positive("replicate_buffer", "a number of bytes");
        if (positive("replicate_cert_reload_interval", "a number of seconds") && certFile.isEmpty()) {
            throw fail("replicate_cert_reload_interval sets how often the listener re-reads replicate_cert_file, "
                    + "which is not set");
        }
        if (follower) {
            checkLeaderUrl(from);
            // Under -no-files the bundle is not read (the store is refused below either way).
            if (!caFile.isEmpty() && !instance.runtime().options().noFiles()) {
                checkCaFile(caFile, instance.resolvePath(caFile));
            }
        }
        throw fail("replication (" + (leader ? "replicate_listen" : "replicate_from") + ") is not supported by duso-jvm");
    }

    /** Whether the option is present; if so it must be a number above zero. */
    private boolean positive(String name, String kind) {
        if (!config.has(name)) {
            return false;
        }
        if (!(config.get(name) instanceof Double d)) {
            throw fail(name + " must be " + kind);
        }
        if (!(d > 0)) {
            throw fail(name + " must be positive");
        }
        return true;
    }

    /** A typo in the scheme fails the call rather than becoming a reconnect loop, as in the reference. */
    private void checkLeaderUrl(String from) {
        String scheme = scheme(from);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw fail("replicate_from must be a ws:// or wss:// URL, got " + quote(from));
        }
    }

    /**
     * The scheme as Go's url.Parse finds it (lower-cased; empty when there is none), or the
     * reference's error for the parse failures that can happen before the host is read.
     */
    private String scheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw invalidUrl(url, "net/url: invalid control character in URL");
            }
        }
        int end = 0;
        while (end < url.length() && isSchemeChar(url.charAt(end), end == 0)) {
            end++;
        }
        if (end < url.length() && url.charAt(end) == ':') {
            if (end == 0) {
                throw invalidUrl(url, "missing protocol scheme");
            }
            return url.substring(0, end).toLowerCase(Locale.ROOT);
        }
        int slash = url.indexOf('/');
        if (!url.startsWith("/") && (slash < 0 ? url : url.substring(0, slash)).indexOf(':') >= 0) {
            throw invalidUrl(url, "first path segment in URL cannot contain colon");
        }
        return "";
    }

    private static boolean isSchemeChar(char c, boolean first) {
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        return letter || !first && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
    }

    private RuntimeException invalidUrl(String url, String why) {
        return fail("replicate_from " + quote(url) + " is not a valid URL: parse " + quote(url) + ": " + why);
    }

    /** The CA bundle must be readable and hold at least one certificate (Go's AppendCertsFromPEM). */
    private void checkCaFile(String given, Path path) {
        String cannot = "cannot read replicate_ca_file " + quote(given) + ": ";
        if (Files.isDirectory(path)) {
            throw fail(cannot + "read " + given + ": is a directory");
        }
        byte[] pem;
        try {
            pem = Files.readAllBytes(path);
        } catch (IOException e) {
            throw fail(cannot + FileFailure.of(e, "open", given).text());
        }
        if (!holdsCertificate(pem)) {
            throw fail("replicate_ca_file " + quote(given) + " contains no PEM certificates");
        }
    }

    private static boolean holdsCertificate(byte[] pem) {
        Matcher m = PEM_CERTIFICATE.matcher(new String(pem, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                return true;
            } catch (CertificateException | IllegalArgumentException e) {
                // Go skips a block that does not parse and looks at the next one.
            }
        }
        return false;
    }

    private String string(String name) {
        Object v = config.getOrNull(name);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw fail(name + " must be a string");
        }
        return s;
    }

    private RuntimeException fail(String what) {
        return Args.error("datastore(" + ns + "): " + what);
    }

    private static String quote(String s) {
        return GoQuote.quote(s);
    }
}
