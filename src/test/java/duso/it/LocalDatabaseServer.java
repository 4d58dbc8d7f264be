package duso.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway database server from the machine's own packages, run as a real child process on
 * a free 127.0.0.1 port with its data and socket in a temp dir, for the sql() integration
 * tests. Database servers refuse to run as root, so under root the files are handed to the
 * package's service account and the server runs as it (setpriv execs, so the child's pid is
 * the server's and a signal reaches it directly).
 */
abstract class LocalDatabaseServer implements AutoCloseable {
    static final String USER = "duso";
    static final String PASSWORD = "s3cret";

    final Path dir;
    final int port;
    private final String account;
    private Process process;

    LocalDatabaseServer(String prefix, String account) throws IOException {
        this.dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
        this.port = freePort();
        this.account = account;
        if (isRoot()) {
            giveTo(dir);
        }
    }

    /** Starts the server and waits until its log says it accepts connections. */
    final void start(List<String> command, Path log, String readyLine) throws Exception {
        process = new ProcessBuilder(asAccount(command))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(readyLine)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the database server exited with " + process.exitValue() + ":\n"
                        + tail(log) + tail(dir.resolve("stdout.log")));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the database server did not become ready in 60 s:\n" + tail(log));
    }

    /** Runs a setup command to completion (as the service account under root). */
    final void runSetup(List<String> command) throws Exception {
        Process p = new ProcessBuilder(asAccount(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** Writes a file the server (maybe another account) can read. */
    final Path writeFile(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        if (isRoot()) {
            giveTo(file);
        }
        return file;
    }

    /** The signal that makes this server shut down quickly (PostgreSQL: INT, MariaDB: TERM). */
    abstract String stopSignal();

    @Override
    public void close() throws Exception {
        try {
            if (process != null && process.isAlive()) {
                new ProcessBuilder("kill", "-" + stopSignal(), Long.toString(process.pid())).start().waitFor();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest of several versioned install directories, or null. */
    static Path newest(Path parent, String glob, String... required) throws IOException {
        if (!Files.isDirectory(parent)) {
            return null;
        }
        List<Path> found = new ArrayList<>();
        try (var dirs = Files.newDirectoryStream(parent, glob)) {
            for (Path d : dirs) {
                if (Stream.of(required).allMatch(r -> Files.isExecutable(d.resolve(r)))) {
                    found.add(d);
                }
            }
        }
        return found.stream().max(Comparator.comparing(Path::toString)).orElse(null);
    }

    private List<String> asAccount(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of("setpriv", "--reuid=" + account, "--regid=" + account,
                "--init-groups", "--"));
        c.addAll(command);
        return c;
    }

    private void giveTo(Path p) throws IOException {
        UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
        try {
            Files.setOwner(p, users.lookupPrincipalByName(account));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            throw new AssertionError("running as root needs the '" + account
                    + "' account that the server package creates; install the package or run as another user");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n";
    }
}
