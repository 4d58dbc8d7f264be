package duso.client;

import duso.runtime.GoHeaderNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a WebSocket as golang.org/x/net/websocket's client does: TCP (TLS for wss), then the
 * upgrade request with its header set (Origin is the URL itself, lower-cased) and the
 * script's extra headers, then checks the 101 answer. Failures carry that library's texts
 * ({@code bad status}, {@code missing or bad upgrade}, {@code mismatch challenge/response}).
 */
final class WsHandshake {
    private WsHandshake() {}

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** The upgraded connection: the socket and a buffered stream positioned at the first frame. */
    record Opened(Socket socket, InputStream in, OutputStream out) {}

    /** A dial or handshake failure, with the library's message (without the Dial prefix). */
    static final class HandshakeException extends Exception {
        HandshakeException(String message) {
            super(message, null, false, false);
        }
    }

    static Opened open(GoUrl url, TreeMap<String, String> headers, SSLSocketFactory tls, CallControl ctl)
            throws HandshakeException {
        String host = ByteStrings.toText(url.hostname());
        int port = url.port();
        if (port < 0) {
            throw new HandshakeException("dial tcp: address " + ByteStrings.toText(url.host) + ": invalid port");
        }
        Socket socket = dial(host, port, ctl);
        try {
            ctl.attach(socket);
            if (url.scheme.equals("wss")) {
                socket = secure(socket, host, port, tls);
                ctl.attach(socket);
            }
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 2048);
            String key = Base64.getEncoder().encodeToString(randomBytes());
            out.write(request(url, headers, key));
            out.flush();
            checkResponse(in, key);
            return new Opened(socket, in, out);
        } catch (IOException e) {
            CallControl.closeQuietly(socket);
            ctl.checkInterrupt();
            throw new HandshakeException(e.getMessage() == null || e instanceof java.io.EOFException ? "EOF" : describe(e, host));
        } catch (HandshakeException | RuntimeException e) {
            CallControl.closeQuietly(socket);
            throw e;
        } finally {
            ctl.detach();
        }
    }

    private static Socket dial(String host, int port, CallControl ctl) throws HandshakeException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new HandshakeException(NetErrors.lookup(host));
        }
        String first = null;
        for (InetAddress a : addresses) {
            InetSocketAddress target = new InetSocketAddress(a, port);
            Socket s = new Socket();
            try {
                ctl.attach(s);
                ctl.checkInterrupt();
                s.setTcpNoDelay(true);
                s.connect(target);
                return s;
            } catch (IOException e) {
                CallControl.closeQuietly(s);
                ctl.checkInterrupt();
                if (first == null) {
                    first = NetErrors.dial(target, e);
                }
            } finally {
                ctl.detach();
            }
        }
        throw new HandshakeException(first);
    }

    private static Socket secure(Socket plain, String host, int port, SSLSocketFactory tls) throws IOException {
        SSLSocketFactory factory = tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket s = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private static byte[] request(GoUrl url, TreeMap<String, String> headers, String key) {
        StringBuilder b = new StringBuilder(256);
        b.append("GET ").append(url.requestUri()).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(url.host).append("\r\n");
        b.append("Upgrade: websocket\r\n");
        b.append("Connection: Upgrade\r\n");
        b.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
        b.append("Origin: ").append(ByteStrings.fromText(url.toString().toLowerCase(java.util.Locale.ROOT))).append("\r\n");
        b.append("Sec-WebSocket-Version: 13\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            switch (h.getKey()) {
                case "Host", "Upgrade", "Connection", "Sec-Websocket-Key", "Origin", "Sec-Websocket-Version",
                        "Sec-Websocket-Protocol", "Sec-Websocket-Accept" -> { }
                default -> b.append(ByteStrings.fromText(h.getKey())).append(": ")
                        .append(ByteStrings.fromText(HeaderNames.trim(h.getValue()).replace('\n', ' ').replace('\r', ' ')))
                        .append("\r\n");
            }
        }
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void checkResponse(InputStream in, String key) throws IOException, HandshakeException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[1].equals("101")) {
            throw new HandshakeException("bad status");
        }
        String upgrade = null;
        String connection = null;
        String accept = null;
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = GoHeaderNames.canonical(l.substring(0, colon).trim());
            String value = l.substring(colon + 1).trim();
            switch (name) {
                case "Upgrade" -> upgrade = value;
                case "Connection" -> connection = value;
                case "Sec-Websocket-Accept" -> accept = value;
                default -> { }
            }
        }
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")
                || connection == null || !connection.equalsIgnoreCase("upgrade")) {
            throw new HandshakeException("missing or bad upgrade");
        }
        if (accept == null || !accept.equals(expectedAccept(key))) {
            throw new HandshakeException("mismatch challenge/response");
        }
    }

    static String expectedAccept(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new java.io.EOFException();
            }
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            if (b.length() > 16384) {
                throw new IOException("websocket: handshake response too large");
            }
            b.append((char) c);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static String describe(IOException e, String host) {
        if (e instanceof javax.net.ssl.SSLException) {
            return JdkTransport.TlsErrors.describe(e, host);
        }
        return String.valueOf(e.getMessage());
    }
}
