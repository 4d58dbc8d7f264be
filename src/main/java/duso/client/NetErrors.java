package duso.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Java network exceptions reworded as Go's net package words them, so fetch() and websocket()
 * errors read as on the reference ({@code dial tcp 127.0.0.1:1: connect: connection refused},
 * {@code read tcp 127.0.0.1:5000->127.0.0.1:80: read: connection reset by peer}). Addresses
 * are printed as Go's JoinHostPort does (IPv6 compressed, in brackets).
 */
final class NetErrors {
    private NetErrors() {}

    /** A failed connect to {@code target}. */
    static String dial(InetSocketAddress target, IOException e) {
        String where = "dial tcp " + address(target) + ": ";
        if (e instanceof SocketTimeoutException) {
            return where + "i/o timeout";
        }
        if (e instanceof NoRouteToHostException) {
            return where + "connect: no route to host";
        }
        if (e instanceof ConnectException) {
            return where + "connect: " + errno(e.getMessage(), "connection refused");
        }
        return where + "connect: " + errno(e.getMessage(), "connection refused");
    }

    /** A host name that did not resolve. */
    static String lookup(String host) {
        String server = Resolver.SERVER;
        return "dial tcp: lookup " + host + (server == null ? "" : " on " + server) + ": no such host";
    }

    /** A failed read on an open connection. */
    static String read(SocketAddress local, SocketAddress remote, IOException e) {
        return "read tcp " + address(local) + "->" + address(remote) + ": read: "
                + errno(e.getMessage(), "connection reset by peer");
    }

    /** A failed write on an open connection. */
    static String write(SocketAddress local, SocketAddress remote, IOException e) {
        return "write tcp " + address(local) + "->" + address(remote) + ": write: "
                + errno(e.getMessage(), "broken pipe");
    }

    /** Java's wording of an OS error as Go's (the lower-case errno text). */
    private static String errno(String javaMessage, String fallback) {
        if (javaMessage == null || javaMessage.isEmpty()) {
            return fallback;
        }
        String m = javaMessage.toLowerCase(Locale.ROOT);
        if (m.contains("reset")) {
            return "connection reset by peer";
        }
        if (m.contains("refused")) {
            return "connection refused";
        }
        if (m.contains("broken pipe")) {
            return "broken pipe";
        }
        if (m.contains("unreachable")) {
            return "network is unreachable";
        }
        if (m.contains("timed out")) {
            return "connection timed out";
        }
        return m;
    }

    /** host:port as Go prints a socket address. */
    static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress s) {
            InetAddress ip = s.getAddress();
            String host = ip == null ? s.getHostString() : ip(ip);
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + s.getPort();
        }
        return String.valueOf(a);
    }

    /** An IP address as Go prints it: IPv6 in the RFC 5952 short form, without a scope. */
    static String ip(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(words[i]));
        }
        return out.toString();
    }

    /** The first name server of /etc/resolv.conf, which Go names in lookup errors. */
    private static final class Resolver {
        static final String SERVER = firstNameServer();

        private static String firstNameServer() {
            try {
                for (String line : Files.readAllLines(Path.of("/etc/resolv.conf"))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 2 && f[0].equals("nameserver")) {
                        String ip = f[1];
                        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":53";
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return null;
        }
    }
}
