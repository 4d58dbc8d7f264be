package duso.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code bin/duso} child process serving HTTP on 127.0.0.1 for integration tests:
 * scripts are written into a scratch directory (its working directory), the port is a
 * free ephemeral one substituted for {@code PORT} in the scripts, and the process is
 * stopped (SIGTERM, then SIGKILL) when the test closes it.
 */
final class ServerProcess implements AutoCloseable {
    static final Path LAUNCHER = Path.of("bin/duso").toAbsolutePath();

    final Path dir;
    final int port;
    final Process process;
    private final Path stdout;
    private final Path stderr;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Path dir, int port, Process process, Path stdout, Path stderr) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Writes the files (name → text, PORT replaced), runs the main one and waits for the port. */
    static ServerProcess start(Path dir, String main, Map<String, String> files, String... args) throws Exception {
        return start(dir, main, files, Map.of(), args);
    }

    /** As above, with extra environment variables for the launcher (DUSO_JAVA_OPTS, …). */
    static ServerProcess start(Path dir, String main, Map<String, String> files, Map<String, String> env, String... args)
            throws Exception {
        int port = freePort();
        for (Map.Entry<String, String> f : files.entrySet()) {
            write(dir, f.getKey(), f.getValue().replace("PORT", Integer.toString(port)));
        }
        ServerProcess sp = launch(dir, port, main, env, args);
        sp.awaitListening();
        return sp;
    }

    /** Runs the script without waiting for a port (for scripts expected to fail or exit). */
    static ServerProcess launch(Path dir, int port, String main, String... args) throws IOException {
        return launch(dir, port, main, Map.of(), args);
    }

    private static ServerProcess launch(Path dir, int port, String main, Map<String, String> env, String... args)
            throws IOException {
        Path out = dir.resolve("stdout-" + port + ".txt");
        Path err = dir.resolve("stderr-" + port + ".txt");
        String[] cmd = new String[args.length + 2];
        cmd[0] = LAUNCHER.toString();
        cmd[1] = main;
        System.arraycopy(args, 0, cmd, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        return new ServerProcess(dir, port, p, out, err);
    }

    static void write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("server exited with " + process.exitValue() + ":\n" + stderr() + stdout());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("server did not listen on " + port + ":\n" + stderr());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return client.send(b.method(method, p).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends raw bytes on a new connection and returns everything the server sends back. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    String stdout() throws IOException {
        return Files.exists(stdout) ? Files.readString(stdout) : "";
    }

    String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    /** SIGTERM (graceful shutdown) and wait; the exit status. */
    int terminate(long seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("server did not stop within " + seconds + " s after SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
