package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.values.DusoObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** fetch() while it waits: deadlines, interrupts (kill), and many at once on virtual threads. */
class FetchBlockingTest {
    static {
        // the JDK server closes idle keep-alive connections beyond 200 by default
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
    }

    private static RawServer slow(long millis, String firstPart) throws IOException {
        return new RawServer((head, sock) -> {
            if (firstPart != null) {
                sock.getOutputStream().write(firstPart.getBytes(StandardCharsets.ISO_8859_1));
                sock.getOutputStream().flush();
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return null;
            }
            return RawServer.Reply.of(firstPart != null ? "rest......" : FetchTest.http(200, "", "late"), false);
        });
    }

    @Test
    void timeoutWhileWaitingForHeaders() throws IOException {
        try (RawServer s = slow(3000, null)) {
            long t0 = System.nanoTime();
            ScriptRun r = ScriptRun.eval("fetch(\"" + s.url("/slow") + "\", {timeout = 0.25})");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("Error: <inline>:1:6: fetch() failed: Get \"" + s.url("/slow") + "\": context deadline exceeded\n", r.err());
            assertTrue(ms < 2000, "took " + ms + " ms");
        }
    }

    @Test
    void timeoutWhileReadingTheBody() throws IOException {
        try (RawServer s = slow(3000, "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\nfirst.....")) {
            ScriptRun r = ScriptRun.eval("fetch(\"" + s.url("/") + "\", {timeout = 0.3})");
            assertEquals("Error: <inline>:1:6: fetch() failed to read response: context deadline exceeded\n", r.err());
        }
    }

    @Test
    void aTimeoutUnderOneMillisecondHasAlreadyPassed() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> RawServer.Reply.of(FetchTest.http(200, "", "x"), false))) {
            ScriptRun r = ScriptRun.eval("fetch(\"" + s.url("/") + "\", {timeout = 0.0004})");
            assertEquals("Error: <inline>:1:6: fetch() failed: Get \"" + s.url("/") + "\": context deadline exceeded\n", r.err());
        }
    }

    /** kill(pid) raises the interrupt flag of the script's Interp: a blocked fetch must end now. */
    @Test
    void interruptWakesABlockedFetch() throws Exception {
        try (RawServer s = slow(10_000, null); ClientFixture client = new ClientFixture()) {
            Interp in = client.interp();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    client.fetch(in, s.url("/"), null);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            Thread.sleep(300);
            long t0 = System.nanoTime();
            in.interrupt("killed");
            t.join(5000);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(thrown.get() instanceof DusoError, String.valueOf(thrown.get()));
            assertEquals("killed", ((DusoError) thrown.get()).value());
            assertTrue(ms < 1000, "woke after " + ms + " ms");
        }
    }

    @Test
    void anInterruptedInstanceDoesNotStartAFetch() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> RawServer.Reply.of(FetchTest.http(200, "", "x"), false));
                ClientFixture client = new ClientFixture()) {
            Interp in = client.interp();
            in.interrupt("killed");
            DusoError e = assertThrows(DusoError.class, () -> client.fetch(in, s.url("/"), null));
            assertEquals("killed", e.value());
            assertEquals(0, s.heads.size());
        }
    }

    /** 1,200 workers on virtual threads, three sequential fetches each, against a 300 ms server. */
    @Test
    void manyConcurrentFetchesFromVirtualThreads() throws Exception {
        int workers = 1200;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/delay", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ex.getRequestURI().getQuery().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/delay?";
        try (ClientFixture client = new ClientFixture()) {
            AtomicInteger right = new AtomicInteger();
            List<Throwable> failures = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                int id = w;
                threads.add(Thread.ofVirtual().start(() -> {
                    Interp in = client.interp();
                    try {
                        for (int i = 0; i < 3; i++) {
                            DusoObject r = client.fetch(in, base + id + "-" + i, null);
                            if (r.get("body").equals(id + "-" + i) && r.get("status").equals(200.0)) {
                                right.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(List.of(), failures.stream().limit(3).map(String::valueOf).toList());
            assertEquals(workers * 3, right.get());
            assertTrue(clientPorts.size() <= workers + workers / 10, "connections: " + clientPorts.size());
            assertTrue(ms < 20_000, "took " + ms + " ms");
        } finally {
            server.stop(0);
        }
    }
}
