package duso.runtime;

import duso.lang.nodes.Interp;
import duso.lang.values.Nil;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runtime knows about one running script instance: the file it came from (as
 * errors name it), the directory relative paths resolve against, the value {@code context()}
 * returns, and where its output goes. Stored in {@link Interp#hostState}.
 *
 * <p>It also carries the chain of module files being loaded on its behalf (require and
 * include, outermost first) for cycle detection. The chain is immutable: loading a module
 * makes a derived instance with a longer chain, so instances stay safe to share between the
 * threads of parallel branches.
 */
public final class ScriptInstance {
    private final DusoRuntime runtime;
    private final String file;
    private final Path dir;
    private final Object context;
    private final Output output;
    private final long pid;
    private final List<String> loading;

    public ScriptInstance(DusoRuntime runtime, String file, Path dir, Object context, Output output, long pid) {
        this(runtime, file, dir, context, output, pid, List.of());
    }

    private ScriptInstance(DusoRuntime runtime, String file, Path dir, Object context, Output output, long pid,
            List<String> loading) {
        this.runtime = runtime;
        this.file = file;
        this.dir = dir;
        this.context = context == null ? Nil.NIL : context;
        this.output = output;
        this.pid = pid;
        this.loading = loading;
    }

    public static ScriptInstance of(Interp interp) {
        return (ScriptInstance) interp.hostState;
    }

    public DusoRuntime runtime() {
        return runtime;
    }

    /** The script's name as error messages show it. */
    public String file() {
        return file;
    }

    /** The directory relative paths in this script resolve against. */
    public Path dir() {
        return dir;
    }

    /**
     * A path as the reference's file builtins resolve it: {@code /HERE/x} against this script's
     * directory, {@code /CWD/x} against the working directory, absolute paths unchanged and
     * bare relative paths against this script's directory. Virtual {@code /EMBED/} and
     * {@code /STORE/} paths are not handled here.
     */
    public Path resolvePath(String path) {
        if (path.startsWith("/HERE/")) {
            return dir.resolve(path.substring(6)).normalize();
        }
        if (path.startsWith("/CWD/")) {
            return runtime.cwd().resolve(path.substring(5)).normalize();
        }
        return dir.resolve(path).normalize();
    }

    public Object context() {
        return context;
    }

    public Output output() {
        return output;
    }

    /** 0 for the main script, otherwise the id spawn/run handed out. */
    public long pid() {
        return pid;
    }

    /** Module files being loaded on this instance's behalf, outermost first. */
    public List<String> loading() {
        return loading;
    }

    /**
     * This instance while it loads {@code module} (include): everything shared, the module
     * appended to the loading chain.
     */
    public ScriptInstance loadingModule(String module) {
        return new ScriptInstance(runtime, file, dir, context, output, pid, chainWith(module));
    }

    /**
     * The instance a required module runs in: named {@code moduleFile} in errors, with its
     * own directory for {@code /HERE/} and nested runs, and the module appended to the chain;
     * context, output and pid stay the caller's (a module is part of the script using it).
     */
    public ScriptInstance forModule(String module, String moduleFile, Path moduleDir) {
        return new ScriptInstance(runtime, moduleFile, moduleDir, context, output, pid, chainWith(module));
    }

    private List<String> chainWith(String module) {
        List<String> chain = new ArrayList<>(loading.size() + 1);
        chain.addAll(loading);
        chain.add(module);
        return List.copyOf(chain);
    }

    /** A new interpreter state for running code on behalf of this instance. */
    public Interp newInterp(boolean parallel) {
        Interp in = new Interp(runtime.registry(), parallel);
        in.hostState = this;
        return in;
    }
}
