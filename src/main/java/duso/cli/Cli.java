package duso.cli;

import duso.lang.compiler.CompiledUnit;
import duso.lang.errors.DusoError;
import duso.lang.source.Source;
import duso.lang.values.DusoArray;
import duso.runtime.Console;
import duso.runtime.DusoRuntime;
import duso.runtime.GoPaths;
import duso.runtime.Options;
import duso.runtime.Output;
import duso.runtime.Processes;
import duso.runtime.ScriptInstance;
import duso.runtime.ScriptRunner;
import duso.runtime.exec.ExecAllowList;
import duso.runtime.Uninterruptibly;
import duso.lang.nodes.Interp;
import duso.lang.values.Nil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The {@code duso} command: runs a script, {@code eval}, {@code repl}, {@code version} and
 * {@code help}, with the reference's argument rules and exit statuses. Everything goes through
 * {@link #run} with explicit streams and working directory, so tests run the CLI in-process.
 */
public final class Cli {
    public static final String VERSION = "0.1.0";

    private final Console console;
    private final Path cwd;
    private final IntConsumer processExit;
    private final BooleanSupplier terminal;

    private Cli(Console console, Path cwd, IntConsumer processExit, BooleanSupplier terminal) {
        this.console = console;
        this.cwd = cwd;
        this.processExit = processExit;
        this.terminal = terminal;
    }

    /** Runs the command in-process (tests, embedding) and returns the exit status. */
    public static int run(String[] argv, InputStream in, OutputStream out, OutputStream err, Path cwd) {
        return run(argv, in, out, err, cwd, null, () -> false);
    }

    /**
     * Runs the command; {@code processExit} ends the process once a shutdown asked for by a
     * script or a signal (SIGINT, SIGTERM, handled then) is complete, whatever the main script
     * is doing; {@code terminal} tells whether stdin is an
     * interactive terminal (the REPL then edits lines and keeps history).
     */
    static int run(String[] argv, InputStream in, OutputStream out, OutputStream err, Path cwd,
            IntConsumer processExit, BooleanSupplier terminal) {
        Console console = new Console(out, err, in);
        try {
            return new Cli(console, cwd, processExit, terminal).dispatch(CommandLine.parse(argv));
        } finally {
            console.flush();
        }
    }

    private int dispatch(CommandLine cl) {
        if ("version".equals(cl.subcommand)) {
            console.out(VERSION + "\n");
            return 0;
        }
        if ("help".equals(cl.subcommand) || (cl.subcommand == null && cl.positional.isEmpty())) {
            console.out(Help.TEXT);
            return 0;
        }
        if (cl.subcommand != null && !cl.subcommand.equals("eval") && !cl.subcommand.equals("repl")) {
            console.err("duso: the '" + cl.subcommand + "' command is not available in duso-jvm\n");
            return 1;
        }
        ExecAllowList exec;
        try {
            exec = ExecAllowList.fromFlag(cl.flags.get("allow-exec"), cwd, w -> console.err(w + "\n"));
        } catch (ExecAllowList.BootFailure e) {
            console.err(e.getMessage() + "\n");
            return 1;
        }
        Options options = new Options(cl.flag("no-files"), cl.flag("no-stdin"), cl.flag("no-color"), exec);
        DusoRuntime rt = new DusoRuntime(console, options, cwd, Libraries.ALL);
        if (processExit != null) {
            rt.setProcessExit(code -> {
                console.flush();
                processExit.accept(code);
            });
            Signals.shutDownOnInterruptOrTerm(rt);
        }
        storeSys(rt, cl);
        if ("repl".equals(cl.subcommand)) {
            return finish(rt, new Repl(rt, terminal.getAsBoolean()).run());
        }
        if ("eval".equals(cl.subcommand)) {
            if (cl.positional.isEmpty()) {
                console.err("Error: eval requires CODE argument\n");
                return 1;
            }
            return finish(rt, runSource(rt, new Source("<inline>", null, cl.positional.get(0)), cwd));
        }
        return finish(rt, runFile(rt, cl.positional.get(0)));
    }

    private void storeSys(DusoRuntime rt, CommandLine cl) {
        Map<String, Object> sys = rt.sys();
        if (cl.subcommand != null) {
            sys.put("-subcommand", cl.subcommand);
        }
        for (Map.Entry<String, Object> f : cl.flags.entrySet()) {
            Object v = f.getValue();
            if (f.getKey().equals("config") && v instanceof String s) {
                v = ConfigFlag.parse(s, rt);
            }
            sys.put("-" + f.getKey(), v);
        }
        sys.put("args", DusoArray.copyOf(cl.args));
        sys.put("version", VERSION);
    }

    private int runFile(DusoRuntime rt, String path) {
        Path file = cwd.resolve(path);
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // When the disk read fails the reference looks for the script among its embedded
            // files, and reports that lookup's error: Go's embed.FS with the path made relative.
            String embedded = path.replace('\\', '/');
            embedded = embedded.startsWith("/") ? embedded.substring(1) : embedded;
            console.err("Error: could not read script '" + path + "': open " + embedded + ": file does not exist\n");
            return 1;
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        rt.setAppDir(GoPaths.dir(path));
        return runSource(rt, new Source(path, file.toString(), text), dir);
    }

    /**
     * Runs a main script; 0 when it ends (exit() included), 1 on an uncaught error. The main
     * script is in the process table (pid 0) so shutdown stops it too; an error that only says
     * it was stopped by shutdown is not reported.
     */
    static int runSource(DusoRuntime rt, Source source, Path dir) {
        ScriptInstance inst = new ScriptInstance(rt, source.displayName(), dir, Nil.NIL, Output.of(rt.console()), 0);
        int[] status = {0};
        Runnable body = () -> {
            rt.processes().enter(0, inst.signal());
            try {
                CompiledUnit unit = rt.cache().compile(source, source.displayName());
                Interp interp = inst.newInterp(false);
                ScriptRunner.runScript(unit, interp);
            } catch (DusoError e) {
                if (!Processes.stoppedByShutdown(inst.signal())) {
                    rt.console().err("Error: " + e.render() + "\n");
                    status[0] = 1;
                }
            } finally {
                rt.processes().leave(0, inst.signal());
            }
        };
        runOnBigStack(body);
        return status[0];
    }

    /**
     * Runs script code on a thread with a large stack: a tree-walking interpreter needs several
     * Java frames per script call, and scripts recurse as deep as Go's growable stacks allow.
     */
    static void runOnBigStack(Runnable body) {
        Thread t = new Thread(null, body, "duso-main", 1L << 30);
        t.start();
        Uninterruptibly.await(t::join);
    }

    private int finish(DusoRuntime rt, int status) {
        rt.shutdown();
        Integer code = rt.exitCode();
        return code != null ? code : status;
    }
}
