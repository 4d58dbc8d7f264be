package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the launcher honest: it passes the JVM options docs/tuning.md documents, and when an
 * AOT cache exists the JVM really runs with it (AOTMode=on makes the JVM refuse to start
 * otherwise). Not a timing test.
 */
class LauncherIT {
    static final Path LAUNCHER = Path.of("bin/duso").toAbsolutePath();

    record Run(int status, String out) {}

    static Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return run(pb);
    }

    /** Runs the command with standard error merged into the output it returns. */
    private static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    @Test
    void passesTheDocumentedDefaults() throws Exception {
        Run r = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), "x.du", "-flag");
        assertEquals(0, r.status());
        List<String> args = r.out().lines().toList();
        for (String opt : List.of("-XX:+UseSerialGC", "-Xmn16m", "-XX:+UseCompactObjectHeaders", "-XX:-UsePerfData", "-Xss8m",
                "-XX:TrimNativeHeapInterval=1000", "-XX:UserThreadWaitAttemptsAtExit=0")) {
            assertTrue(args.contains(opt), () -> "missing " + opt + " in " + args);
        }
        assertEquals(List.of("-cp", Path.of("target/duso.jar").toAbsolutePath().toString(), "duso.cli.Main", "x.du", "-flag"),
                args.subList(args.size() - 5, args.size()));
    }

    /** A script that starts an HTTP server gets G1 (docs/tuning.md, "Two profiles"); the rest of the options are shared. */
    @Test
    void serverScriptsGetTheServerCollector(@TempDir Path dir) throws Exception {
        Path server = dir.resolve("app.du");
        Files.writeString(server, "s = http_server({port = 8080})\ns.start()\n");
        Path plain = dir.resolve("plain.du");
        Files.writeString(plain, "print(\"http server\")\n");
        List<String> serverArgs = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), server.toString()).out().lines().toList();
        for (String opt : List.of("-XX:+UseG1GC", "-XX:G1HeapRegionSize=1m", "-XX:NewSize=1m", "-XX:MaxNewSize=64m",
                "-XX:+ExplicitGCInvokesConcurrent", "-Dduso.server.idleCollect=true", "-XX:+UseCompactObjectHeaders",
                "-XX:TrimNativeHeapInterval=1000")) {
            assertTrue(serverArgs.contains(opt), () -> "missing " + opt + " in " + serverArgs);
        }
        assertFalse(serverArgs.contains("-XX:+UseSerialGC"), serverArgs::toString);
        assertTrue(serverArgs.stream().noneMatch(a -> a.startsWith("-XX:G1PeriodicGCInterval")), serverArgs::toString);
        List<String> plainArgs = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), plain.toString()).out().lines().toList();
        assertTrue(plainArgs.contains("-XX:+UseSerialGC") && !plainArgs.contains("-XX:+UseG1GC"), plainArgs::toString);
        List<String> evalArgs = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), "eval", "http_server().start()").out().lines().toList();
        assertTrue(evalArgs.contains("-XX:+UseG1GC"), evalArgs::toString);
    }

    @Test
    void theProfileCanBeChosen(@TempDir Path dir) throws Exception {
        Path server = dir.resolve("app.du");
        Files.writeString(server, "s = http_server()\n");
        List<String> forced = launch(Map.of("DUSO_PROFILE", "script", "DUSO_LAUNCHER_PRINT", "1"), server.toString()).out().lines().toList();
        assertTrue(forced.contains("-XX:+UseSerialGC") && !forced.contains("-XX:+UseG1GC"), forced::toString);
        Run asServer = launch(Map.of("DUSO_PROFILE", "server", "DUSO_JAVA_OPTS", "-XX:AOTMode=on"), "eval", "print(40 + 2)");
        assertEquals(0, asServer.status(), asServer.out());
        assertEquals("42\n", asServer.out(), "the AOT cache also maps under the server collector");
        Run bad = launch(Map.of("DUSO_PROFILE", "fast"), "eval", "print(1)");
        assertEquals(2, bad.status());
        assertEquals("duso: DUSO_PROFILE must be script or server, not 'fast'\n", bad.out());
    }

    @Test
    void usesTheAotCacheWhenPresent() throws Exception {
        assertEquals(0, launch(Map.of(), "eval", "print(1)").status());
        Path cache = Path.of("target/duso.aot");
        assertTrue(Files.exists(cache), "the launcher trains target/duso.aot after a build");
        Run printed = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), "eval", "print(1)");
        assertTrue(printed.out().contains("-XX:AOTCache=" + cache.toAbsolutePath()), printed.out());
        Run strict = launch(Map.of("DUSO_JAVA_OPTS", "-XX:AOTMode=on"), "eval", "print(40 + 2)");
        assertEquals(0, strict.status(), strict.out());
        assertEquals("42\n", strict.out());
    }

    /**
     * Scripts that fetch, spawn, run in parallel or open a websocket map the second cache
     * (docs/tuning.md, "A second cache for network scripts"), which the JVM accepts; servers and
     * other scripts keep the first.
     */
    @Test
    void networkScriptsMapTheSecondCache(@TempDir Path dir) throws Exception {
        assertEquals(0, launch(Map.of(), "eval", "print(1)").status());
        String first = "-XX:AOTCache=" + Path.of("target/duso.aot").toAbsolutePath();
        String second = "-XX:AOTCache=" + Path.of("target/duso-net.aot").toAbsolutePath();
        assertTrue(Files.exists(Path.of("target/duso-net.aot")), "the launcher trains both caches after a build");
        Path worker = dir.resolve("workers.du");
        Files.writeString(worker, """
                s = datastore("launcher")
                spawn(parse("datastore(\\"launcher\\").increment(\\"n\\")"))
                s.wait("n", 1, 10)
                print(s.get("n") + len(parallel([function() return 1 end])))
                """);
        Path server = dir.resolve("proxy.du");
        Files.writeString(server, "s = http_server()\nr = fetch (\"http://127.0.0.1:1/\")\n");
        for (String[] args : new String[][] {{worker.toString()}, {"eval", "r = fetch(\"http://127.0.0.1:1/\")"},
                {"eval", "websocket (\"ws://127.0.0.1:1/\")"}}) {
            List<String> printed = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), args).out().lines().toList();
            assertTrue(printed.contains(second) && !printed.contains(first), () -> String.join(" ", args) + ": " + printed);
        }
        for (String[] args : new String[][] {{server.toString()}, {"eval", "print(\"fetch\")"}}) {
            List<String> printed = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), args).out().lines().toList();
            assertTrue(printed.contains(first) && !printed.contains(second), () -> String.join(" ", args) + ": " + printed);
        }
        Run strict = launch(Map.of("DUSO_JAVA_OPTS", "-XX:AOTMode=on"), worker.toString());
        assertEquals(0, strict.status(), strict.out());
        assertEquals("2\n", strict.out());
    }

    /**
     * The second cache's training fetches from the loopback server duso.cli.AotTraining starts,
     * so a fetch parks on its socket in training and the JDK's pollers come from the cache.
     */
    @Test
    void theNetworkTrainingFetchesFromItsOwnServer() throws Exception {
        assertEquals(0, launch(Map.of(), "eval", "print(1)").status());
        String log = Files.readString(Path.of("target/aot-training-net.log"));
        assertTrue(log.lines().anyMatch(l -> l.equals("1 [\"ok\"] 2")), log);
    }

    /**
     * Scripts that fetch or open a websocket get an 8 MB young generation (docs/tuning.md, the
     * `-Xmn8m` row); spawning or parallel work alone keeps 16 MB, and the cache still maps.
     */
    @Test
    void fetchingScriptsGetTheSmallerYoungGeneration() throws Exception {
        for (String code : List.of("r = fetch(\"http://127.0.0.1:1/\")", "websocket(\"ws://127.0.0.1:1/\")")) {
            List<String> printed = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), "eval", code).out().lines().toList();
            assertTrue(printed.contains("-Xmn8m") && !printed.contains("-Xmn16m"), () -> code + ": " + printed);
        }
        for (String code : List.of("spawn(parse(\"1\"))", "parallel([function() return 1 end])", "print(1)")) {
            List<String> printed = launch(Map.of("DUSO_LAUNCHER_PRINT", "1"), "eval", code).out().lines().toList();
            assertTrue(printed.contains("-Xmn16m") && !printed.contains("-Xmn8m"), () -> code + ": " + printed);
        }
        Run strict = launch(Map.of("DUSO_JAVA_OPTS", "-XX:AOTMode=on"), "eval",
                "r = fetch(\"http://127.0.0.1:1/\")\nprint(r)");
        assertTrue(strict.out().contains("fetch() failed"), "the network cache maps under -Xmn8m: " + strict.out());
    }

    /** An initial heap no larger than the young generation would make the JVM refuse the cache and exit. */
    @Test
    void aSmallInitialHeapRunsWithoutTheCache() throws Exception {
        Run r = launch(Map.of("DUSO_JAVA_OPTS", "-Xms8m"), "eval", "print(40 + 2)");
        assertEquals(0, r.status(), r.out());
        // (the JVM's own warning that it shrank the young generation comes first, on stderr)
        assertTrue(r.out().endsWith("\n42\n") || r.out().equals("42\n"), r.out());
        Run printed = launch(Map.of("DUSO_JAVA_OPTS", "-Xms8m", "DUSO_LAUNCHER_PRINT", "1"), "eval", "print(1)");
        assertTrue(printed.out().lines().noneMatch(l -> l.startsWith("-XX:AOTCache")), printed.out());
        Run roomy = launch(Map.of("DUSO_JAVA_OPTS", "-Xms8m -Xmn2m", "DUSO_LAUNCHER_PRINT", "1"), "eval", "print(1)");
        assertTrue(roomy.out().lines().anyMatch(l -> l.startsWith("-XX:AOTCache")), roomy.out());
    }

    /**
     * Once the jar and caches are built, the launcher reaches java without starting any other
     * program (docs/tuning.md, "The launcher"): run by bash with an empty PATH, where grep,
     * find, cat or readlink would fail, it still picks the profile, the cache and the young
     * generation from the script's text, and still notices a source newer than the jar.
     */
    @Test
    void theLauncherStartsNoOtherProgram(@TempDir Path dir) throws Exception {
        assertEquals(0, launch(Map.of(), "eval", "print(1)").status());
        Path server = dir.resolve("app.du");
        Files.writeString(server, "s = http_server({port = 8080})\ns.start()\n");
        Path fetcher = dir.resolve("get.du");
        Files.writeString(fetcher, "print(fetch(\"http://127.0.0.1:1/\"))\n");
        List<String> serverArgs = bareLaunch(server.toString());
        assertTrue(serverArgs.contains("-XX:+UseG1GC"), serverArgs::toString);
        List<String> fetchArgs = bareLaunch(fetcher.toString());
        assertTrue(fetchArgs.contains("-Xmn8m")
                && fetchArgs.contains("-XX:AOTCache=" + Path.of("target/duso-net.aot").toAbsolutePath()), fetchArgs::toString);
        List<String> evalArgs = bareLaunch("eval", "print(1)");
        assertEquals(List.of("-cp", Path.of("target/duso.jar").toAbsolutePath().toString(), "duso.cli.Main", "eval", "print(1)"),
                evalArgs.subList(evalArgs.size() - 5, evalArgs.size()));
        assertTrue(evalArgs.contains("-XX:+UseSerialGC") && evalArgs.contains("-Xmn16m"), evalArgs::toString);
        // The staleness check walks src/main itself: a source newer than the jar means a build,
        // which needs Maven, which an empty PATH does not have.
        Path source = Path.of("src/main/java/duso/cli/Main.java");
        Path jar = Path.of("target/duso.jar");
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
        java.nio.file.attribute.FileTime edited = Files.getLastModifiedTime(source);
        try {
            Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(built.toMillis() + 60_000));
            Run stale = bare("eval", "print(1)");
            assertEquals(127, stale.status(), stale.out());
            assertTrue(stale.out().contains("Maven (mvn) is not on PATH"), stale.out());
        } finally {
            Files.setLastModifiedTime(source, edited);
        }
    }

    private static List<String> bareLaunch(String... args) throws IOException, InterruptedException {
        Run r = bare(args);
        assertEquals(0, r.status(), r.out());
        return r.out().lines().toList();
    }

    /** The launcher run by bash with DUSO_LAUNCHER_PRINT and a PATH that finds nothing. */
    private static Run bare(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("/bin/bash", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", "/nonexistent");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("DUSO_LAUNCHER_PRINT", "1");
        return run(pb);
    }

    /** DUSO_JAVA_OPTS is split on whitespace only: a JVM option's wildcards are not file patterns. */
    @Test
    void optionsWithWildcardsReachJavaAsWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("duso.jit.a::b"), "");
        String pattern = "-XX:CompileCommand=CompileThresholdScaling,duso.jit.*::*,0.5";
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "eval", "print(1)").directory(dir.toFile());
        pb.environment().put("DUSO_JAVA_OPTS", "-XX:CompileCommand=quiet " + pattern + " -Dduso.test=*");
        pb.environment().put("DUSO_LAUNCHER_PRINT", "1");
        List<String> printed = run(pb).out().lines().toList();
        assertTrue(printed.contains(pattern) && printed.contains("-Dduso.test=*"), printed::toString);
    }

    @Test
    void runsWithoutTheCacheWhenDisabled() throws Exception {
        Run r = launch(Map.of("DUSO_AOT", "0", "DUSO_LAUNCHER_PRINT", "1"), "eval", "print(1)");
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("-XX:AOTCache")), r.out());
    }

    /**
     * The subsystems a hello-world never touches stay unloaded: their libraries register builtin
     * names only. Run without the AOT cache, which would preload whatever its training touched.
     * (Exception classes named in catch clauses are loaded by the bytecode verifier; they are
     * not the subsystems.)
     */
    @Test
    void helloWorldLoadsNoHeavySubsystem() throws Exception {
        Run r = launch(Map.of("DUSO_AOT", "0", "DUSO_JAVA_OPTS", "-Xlog:class+load=info:stdout"),
                "eval", "print(1)");
        assertEquals(0, r.status(), r.out());
        List<String> loaded = r.out().lines().filter(l -> l.contains("[class,load]")).toList();
        assertTrue(loaded.size() > 100, "class loading was logged");
        for (String heavy : List.of("org.eclipse.jetty.", "com.google.re2j.RE2", "com.google.re2j.Pattern ",
                "duso.runtime.json.JsonReader", "duso.runtime.json.JsonWriter", "javax.crypto.",
                "java.security.MessageDigest", "at.favre.", "java.net.http.", "duso.client.Http1",
                "duso.store.Store ", "duso.store.WalLog", "org.commonmark.", "duso.server.JettyServer", "org.jline.",
                "duso.runtime.schedule.", "duso.runtime.lib.FileWatch", "duso.client.SmtpSession",
                "duso.runtime.image.", "javax.imageio.", "java.awt.",
                "duso.sql.SqlRegistry", "org.postgresql.", "org.mariadb.")) {
            assertTrue(loaded.stream().noneMatch(l -> l.contains(" " + heavy)),
                    () -> heavy + " was loaded by print(1)");
        }
    }
}
