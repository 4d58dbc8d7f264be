package duso.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's ProxyFromEnvironment: {@code HTTP_PROXY} for http:// requests, {@code HTTPS_PROXY} for
 * https:// (upper or lower case), except for localhost, loopback addresses and the hosts
 * {@code NO_PROXY} lists ({@code *}, IPs, CIDR ranges, domains with their subdomains, each with
 * an optional port). A proxy given without a scheme means http://.
 */
final class ProxyConfig {
    /** A NO_PROXY entry. */
    private record Exclusion(String domain, boolean matchHost, byte[] network, int prefix, String port) {}

    static final ProxyConfig NONE = new ProxyConfig(null, null, "");

    private final GoUrl http;
    private final GoUrl https;
    private final boolean all;
    private final List<Exclusion> exclusions = new ArrayList<>();

    ProxyConfig(String httpProxy, String httpsProxy, String noProxy) {
        this.http = parse(httpProxy);
        this.https = parse(httpsProxy);
        boolean star = false;
        for (String raw : noProxy.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                star = true;
                break;
            }
            exclude(entry);
        }
        this.all = star;
    }

    static ProxyConfig fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new ProxyConfig(any(env, "HTTP_PROXY", "http_proxy"), any(env, "HTTPS_PROXY", "https_proxy"),
                java.util.Objects.requireNonNullElse(any(env, "NO_PROXY", "no_proxy"), ""));
    }

    private static String any(Map<String, String> env, String upper, String lower) {
        String v = env.get(upper);
        return v != null && !v.isEmpty() ? v : env.get(lower);
    }

    private static GoUrl parse(String proxy) {
        if (proxy == null || proxy.isEmpty()) {
            return null;
        }
        try {
            GoUrl u = GoUrl.parse(proxy);
            if (!u.scheme.isEmpty() && !u.host.isEmpty()) {
                return u;
            }
        } catch (UrlCodec.UrlException e) {
            // try with a scheme, as Go does
        }
        try {
            return GoUrl.parse("http://" + proxy);
        } catch (UrlCodec.UrlException e) {
            return null;
        }
    }

    private void exclude(String entry) {
        int slash = entry.indexOf('/');
        if (slash > 0) {
            try {
                byte[] net = InetAddress.getByName(entry.substring(0, slash)).getAddress();
                exclusions.add(new Exclusion(null, false, net, Integer.parseInt(entry.substring(slash + 1)), ""));
            } catch (UnknownHostException | NumberFormatException e) {
                // not a CIDR range: ignored, as Go ignores what it cannot parse
            }
            return;
        }
        String host = entry;
        String port = "";
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && entry.indexOf(':') == colon) {
            host = entry.substring(0, colon);
            port = entry.substring(colon + 1);
        } else if (entry.startsWith("[") && entry.contains("]:")) {
            host = entry.substring(1, entry.indexOf(']'));
            port = entry.substring(entry.indexOf("]:") + 2);
        }
        if (isIpLiteral(host)) {
            try {
                byte[] ip = InetAddress.getByName(host).getAddress();
                exclusions.add(new Exclusion(null, false, ip, ip.length * 8, port));
            } catch (UnknownHostException e) {
                // unreachable for a literal
            }
            return;
        }
        if (host.startsWith("*.")) {
            host = host.substring(1);
        }
        boolean matchHost = !host.startsWith(".");
        exclusions.add(new Exclusion(matchHost ? "." + host : host, matchHost, null, 0, port));
    }

    /** The same rules as a JDK ProxySelector, for the https:// transport. */
    java.net.ProxySelector selector() {
        return new java.net.ProxySelector() {
            @Override
            public List<java.net.Proxy> select(java.net.URI uri) {
                try {
                    GoUrl proxy = proxyFor(GoUrl.parse(uri.toString()));
                    if (proxy != null) {
                        return List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP, java.net.InetSocketAddress
                                .createUnresolved(ByteStrings.toText(proxy.hostname()), proxy.port())));
                    }
                } catch (UrlCodec.UrlException e) {
                    // connect directly
                }
                return List.of(java.net.Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(java.net.URI uri, java.net.SocketAddress sa, java.io.IOException ioe) {
                // nothing to learn: the next request asks again
            }
        };
    }

    /** The proxy for a request URL, or null to connect directly. */
    GoUrl proxyFor(GoUrl target) {
        GoUrl proxy = switch (target.scheme) {
            case "http" -> http;
            case "https" -> https;
            default -> null;
        };
        if (proxy == null || all) {
            return null;
        }
        String host = ByteStrings.toText(target.hostname()).toLowerCase(Locale.ROOT);
        String port = String.valueOf(target.port());
        if (host.equals("localhost")) {
            return null;
        }
        byte[] ip = null;
        if (isIpLiteral(host)) {
            try {
                InetAddress a = InetAddress.getByName(host);
                if (a.isLoopbackAddress()) {
                    return null;
                }
                ip = a.getAddress();
            } catch (UnknownHostException e) {
                return proxy;
            }
        }
        for (Exclusion x : exclusions) {
            if (!x.port().isEmpty() && !x.port().equals(port)) {
                continue;
            }
            if (x.network() != null ? ip != null && inNetwork(ip, x.network(), x.prefix())
                    : host.endsWith(x.domain()) || x.matchHost() && host.equals(x.domain().substring(1))) {
                return null;
            }
        }
        return proxy;
    }

    private static boolean inNetwork(byte[] ip, byte[] network, int prefix) {
        if (ip.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit & 7);
            if ((ip[bit >> 3] & mask) != (network[bit >> 3] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.')) {
                return false;
            }
        }
        return !host.isEmpty();
    }
}
