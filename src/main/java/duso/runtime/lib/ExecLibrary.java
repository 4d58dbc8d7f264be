package duso.runtime.lib;

import duso.lang.nodes.Ops;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.exec.ExecCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exec(command [, options])}: runs a program permitted by {@code -allow-exec} directly
 * (no shell), blocking the calling script, and returns {ok, code, stdout, stderr, truncated}.
 * A non-zero exit is a result; a refusal, a failed start, the timeout and a stop of the
 * instance throw. Options are read loosely like the reference: a wrong-typed timeout or
 * max_output is ignored, only args and env are checked.
 */
public final class ExecLibrary implements Library {
    private static final int DEFAULT_MAX_OUTPUT = 1 << 20;
    /** Variables that say where the machine keeps things and nothing about whom it talks to. */
    private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "TMPDIR", "LANG", "TZ");

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("exec", a -> exec(a, rt));
    }

    private static Object exec(Args a, DusoRuntime rt) {
        Object cmd = a.raw().at(0);
        if (cmd == null) {
            cmd = a.raw().named("command");
            if (cmd == null) {
                throw Args.error("exec() requires a command");
            }
        }
        String command = Render.goFormat(cmd);
        Object opts = a.raw().at(1);
        if (opts == null) {
            opts = a.raw().named("options");
        }
        DusoObject options = opts instanceof DusoObject o ? o : new DusoObject();

        List<String> argv = argv(option(options, "args"));
        String path = rt.options().exec().resolve(command, argv);

        long timeoutNanos = -1;
        double timeout = number(option(options, "timeout"), 0);
        if (timeout > 0) {
            timeoutNanos = Math.max(0, Ops.goInt64(timeout * 1e9));
        }
        double max = number(option(options, "max_output"), DEFAULT_MAX_OUTPUT);
        int maxOutput = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 16, max));

        Object dir = option(options, "dir");
        java.nio.file.Path workDir = dir == null ? rt.cwd() : rt.cwd().resolve(Render.goFormat(dir));
        Map<String, String> env = env(options);
        Object stdin = option(options, "stdin");

        // argv is logged on every call; the environment never is, that is where the secrets live
        rt.console().err(argv.isEmpty() ? "exec: " + path + "\n" : "exec: " + path + " " + String.join(" ", argv) + "\n");

        ExecCall.Request req = new ExecCall.Request(command, rt.cwd().resolve(path).toString(), argv, env, workDir,
                stdin == null ? null : Render.goFormat(stdin), maxOutput, timeoutNanos);
        return ExecCall.run(req, a.interp());
    }

    /** An option's value, with nil the same as absent; null when absent. */
    private static Object option(DusoObject options, String key) {
        Object v = options.getOrNull(key);
        return v == Nil.NIL ? null : v;
    }

    /** Scalars become arguments the way tostring() writes them; anything structural is refused. */
    private static List<String> argv(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof DusoArray list)) {
            throw Args.error("exec() args must be an array");
        }
        List<String> argv = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s) {
                argv.add(s);
            } else if (item instanceof Double || item instanceof Boolean) {
                argv.add(Render.display(item));
            } else {
                throw Args.error("exec() args[" + i + "] must be a string, number, or boolean");
            }
        }
        return argv;
    }

    private static Map<String, String> env(DusoObject options) {
        Map<String, String> env = new HashMap<>();
        if (Boolean.TRUE.equals(option(options, "inherit_env"))) {
            env.putAll(System.getenv());
        } else {
            for (String name : PASSED_THROUGH) {
                String v = System.getenv(name);
                if (v != null) {
                    env.put(name, v);
                }
            }
        }
        Object extra = option(options, "env");
        if (extra != null) {
            if (!(extra instanceof DusoObject o)) {
                throw Args.error("exec() env must be an object");
            }
            for (Map.Entry<String, Object> e : o.entries()) {
                env.put(e.getKey(), Render.goFormat(e.getValue()));
            }
        }
        return env;
    }

    private static double number(Object raw, double fallback) {
        return raw instanceof Double d ? d : fallback;
    }
}
