package duso.server;

import duso.lang.nodes.Interp;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * One running http_server on Jetty: HTTP/1.1, or over TLS with HTTP/2 chosen by ALPN,
 * request handlers on virtual threads, WebSocket upgrades on the same port, a 30-second
 * graceful stop. The only class that builds Jetty objects, reached only from
 * {@code start()}, so scripts that never serve HTTP never load Jetty.
 */
final class JettyServer {
    static final long DRAIN_MILLIS = 30_000;

    private final ScriptServer script;
    private final DusoRuntime runtime;
    private final ServerConfig cfg;
    private final ScheduledThreadPoolExecutor timers;
    private Server server;
    private SslContextFactory.Server ssl;
    private volatile String certStamp;
    private volatile Thread waiter;

    private JettyServer(ScriptServer script) {
        this.script = script;
        this.runtime = script.runtime();
        this.cfg = script.config();
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "duso-http-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    /**
     * {@code start()}: binds (a bind or certificate error is the script error), then blocks
     * until the process shuts down — returning once the shutdown has drained everything — or
     * until the calling instance is killed, which stops only this server.
     */
    static void run(ScriptServer script, Interp interp) {
        DusoRuntime rt = script.runtime();
        if (rt.shuttingDown()) {
            rt.awaitShutdownComplete();
            return;
        }
        JettyServer js = new JettyServer(script);
        js.startServer();
        LiveServers live = LiveServers.of(rt);
        if (!live.add(js)) {
            js.stop();
            rt.awaitShutdownComplete();
            return;
        }
        boolean killed = js.waitForShutdown(interp);
        if (killed) {
            live.remove(js);
            js.stop();
        } else {
            rt.awaitShutdownComplete();
        }
    }

    private void startServer() {
        try {
            server = build();
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw Args.error(startError(e));
        }
        if (ssl != null) {
            scheduleCertCheck(cfg.certReloadSeconds);
        }
    }

    /** Waits for process shutdown (false) or an interrupt of the calling instance (true). */
    private boolean waitForShutdown(Interp interp) {
        Thread self = Thread.currentThread();
        waiter = self;
        Runnable previous = interp.setInterruptWaker(self::interrupt);
        try {
            while (true) {
                if (runtime.shuttingDown()) {
                    return false;
                }
                if (interp.interruptReason() != null) {
                    return true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    // woken by shutdown or kill(): the loop looks at which
                }
            }
        } finally {
            interp.setInterruptWaker(previous);
            waiter = null;
            Thread.interrupted();
        }
    }

    /** Shutdown has begun: wake the script blocked in start(). */
    void wakeStarter() {
        Thread t = waiter;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Graceful stop: no new connections, in-flight requests get up to 30 s, then everything closes. */
    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            runtime.console().err("http_server (port=" + cfg.port + "): shutdown: " + e.getMessage() + "\n");
        } finally {
            timers.shutdownNow();
        }
    }

    private void stopQuietly() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception ignored) {
            // the start failure is what the script hears about
        }
        timers.shutdownNow();
    }

    /**
     * Jetty pads its hot counters to a cache line and, unless told how many references fit in
     * one, asks the platform MBean server whether oops are compressed: that starts JMX, the
     * diagnostic commands and JFR's command classes (about 250 classes, 0.25 s and several MB
     * for the life of the server). The answer is known here: compressed below 32 GB of heap.
     */
    private static void skipJettyMBeanProbe() {
        String key = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(key) == null) {
            boolean compressedOops = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty(key, compressedOops ? "16" : "8");
        }
    }

    private Server build() throws Exception {
        skipJettyMBeanProbe();
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("duso-http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("duso-request").factory()));
        // Buffers kept for reuse are capped: after a burst of thousands of connections the pool
        // would otherwise hold on to a slice of the heap and of native memory for good.
        ArrayByteBufferPool buffers = new ArrayByteBufferPool(0, -1, -1, -1, 16 * 1024 * 1024, 16 * 1024 * 1024);
        Server s = new Server(pool, null, buffers);
        s.setStopTimeout(DRAIN_MILLIS);
        s.setErrorHandler(new PlainErrorHandler());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        http.setUriCompliance(UriCompliance.UNSAFE);
        // Jetty's per-connection header cache costs ~44 KB per connection (a 5,000-connection
        // load held 220 MB in it) and CPU on every request; header values are not re-used.
        http.setHeaderCacheSize(0);
        // Go allows MaxHeaderBytes plus 4 KiB of slack for the request line and framing.
        http.setRequestHeaderSize((int) Math.min(Integer.MAX_VALUE - 1L, Math.max(1024, cfg.maxHeaderSize + 4096)));
        ServerConnector connector = cfg.https ? tlsConnector(s, http) : new ServerConnector(s, new HttpConnectionFactory(http));
        connector.setHost(cfg.address.isEmpty() ? null : cfg.address);
        connector.setPort(cfg.port);
        connector.setAcceptQueueSize(8192);
        connector.setIdleTimeout(idleMillis());
        if (cfg.timeoutSeconds > 0) {
            connector.addEventListener(firstRequestDeadline());
        }
        s.addConnector(connector);
        ServerWebSocketContainer ws = ServerWebSocketContainer.ensure(s);
        s.addBean(ws);
        HandlerRunner runner = new HandlerRunner(runtime, cfg, timers);
        IdleCollector idle = IdleCollector.ENABLED ? IdleCollector.of(runtime) : null;
        if (idle != null) {
            timers.scheduleWithFixedDelay(idle::check, IdleCollector.CHECK_MILLIS, IdleCollector.CHECK_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
        s.setHandler(new GracefulHandler(new JettyHandler(script, runner, ws, idle)));
        return s;
    }

    /** Keep-alive connections close after idle_timeout, reads stall out after timeout: the smaller wins. */
    private long idleMillis() {
        long idle = cfg.idleTimeoutSeconds > 0 ? cfg.idleTimeoutSeconds : Long.MAX_VALUE / 1000;
        long read = cfg.timeoutSeconds > 0 ? cfg.timeoutSeconds : Long.MAX_VALUE / 1000;
        return Math.min(idle, read) * 1000;
    }

    /**
     * Go's ReadTimeout for a client that opens a connection and never finishes a request
     * (a slowloris trickling header bytes): the connection is closed after {@code timeout}.
     */
    private Connection.Listener firstRequestDeadline() {
        return new Connection.Listener() {
            @Override
            public void onOpened(Connection c) {
                if (!(c instanceof HttpConnection)) {
                    return;
                }
                ScheduledFuture<?> check = timers.schedule(() -> {
                    if (c.getMessagesIn() == 0 && c.getEndPoint().isOpen()) {
                        c.getEndPoint().close();
                    }
                }, cfg.timeoutSeconds, TimeUnit.SECONDS);
                c.addEventListener(new Connection.Listener() {
                    @Override
                    public void onClosed(Connection closed) {
                        check.cancel(false);
                    }
                });
            }
        };
    }

    private ServerConnector tlsConnector(Server s, HttpConfiguration http) throws Exception {
        Path certFile = runtime.cwd().resolve(cfg.certFile);
        Path keyFile = runtime.cwd().resolve(cfg.keyFile);
        TlsCertificate cert = TlsCertificate.load(cfg.certFile, cfg.keyFile, certFile, keyFile);
        certStamp = cert.stamp;
        ssl = new SslContextFactory.Server();
        ssl.setKeyStore(cert.keyStore);
        ssl.setKeyStorePassword(new String(TlsCertificate.PASSWORD));
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        HttpConnectionFactory h1 = new HttpConnectionFactory(https);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(h1.getProtocol());
        SslConnectionFactory tls = new SslConnectionFactory(ssl, alpn.getProtocol());
        return new ServerConnector(s, tls, alpn, h2, h1);
    }

    /** Certificate renewal: re-stat the PEM files every interval and swap a pair that loads. */
    private void scheduleCertCheck(long seconds) {
        try {
            timers.schedule(this::checkCertificate, seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // server stopped
        }
    }

    private void checkCertificate() {
        Path certFile = runtime.cwd().resolve(cfg.certFile);
        Path keyFile = runtime.cwd().resolve(cfg.keyFile);
        String now = TlsCertificate.stamp(certFile, keyFile);
        long next = cfg.certReloadSeconds;
        if (now != null && !now.equals(certStamp)) {
            try {
                TlsCertificate cert = TlsCertificate.load(cfg.certFile, cfg.keyFile, certFile, keyFile);
                ssl.reload(f -> f.setKeyStore(cert.keyStore));
                certStamp = cert.stamp;
                runtime.console().err("duso: reloaded TLS certificate " + cfg.certFile + "\n");
            } catch (Exception e) {
                long retry = Math.min(60, cfg.certReloadSeconds);
                runtime.console().err("duso: TLS certificate " + cfg.certFile + " changed but could not be loaded: "
                        + e.getMessage() + " (still serving the previous certificate, retrying in "
                        + goSeconds(retry) + ")\n");
                next = retry;
            }
        }
        scheduleCertCheck(next);
    }

    /** Go's Duration.String() for whole seconds up to an hour: "45s", "1m0s". */
    static String goSeconds(long s) {
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }

    /** The start() error text in Go's words ("listen tcp 0.0.0.0:8080: bind: address already in use"). */
    private String startError(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof BindException)) {
            t = t.getCause();
        }
        String addr = (cfg.address.contains(":") ? "[" + cfg.address + "]" : cfg.address) + ":" + cfg.port;
        if (t instanceof BindException || t instanceof IOException && String.valueOf(t.getMessage()).contains("bind")) {
            String msg = String.valueOf(t.getMessage());
            int colon = msg.lastIndexOf(": ");
            if (msg.startsWith("Failed to bind") && t.getCause() != null) {
                msg = String.valueOf(t.getCause().getMessage());
            } else if (colon >= 0 && msg.startsWith("Failed to bind")) {
                msg = msg.substring(colon + 2);
            }
            return "listen tcp " + addr + ": bind: " + msg.toLowerCase(Locale.ROOT);
        }
        String msg = e.getMessage();
        return msg == null ? e.toString() : msg;
    }
}
