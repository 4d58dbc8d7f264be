package duso.runtime;

import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.errors.DusoError;
import duso.lang.source.Source;
import duso.lang.values.CodeValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Code to start as a new script instance (run, spawn, schedule, request handlers): a script
 * file or a {@code parse()} code value, compiled, with the name its errors show and the
 * directory its own relative script paths resolve against.
 *
 * <p>A file is named relative to the calling instance's directory and read from disk, else
 * from {@code /STORE/}; a code value runs as {@code <dynamic>} in the caller's directory.
 */
public record ChildScript(CompiledUnit unit, String file, Path dir) {
    /** The display name of code values run as scripts. */
    public static final String DYNAMIC = "<dynamic>";

    /**
     * A script file, resolved against the caller's directory. A file that cannot be read or
     * parsed is an error worded {@code VERB: failed to parse PATH: CAUSE} (the reference's
     * form, e.g. {@code run: failed to parse x.du: open x.du: no such file or directory}).
     */
    public static ChildScript fromFile(ScriptInstance caller, String path, String verb) {
        return fromFile(caller, path, cause -> verb + ": failed to parse " + path + ": " + cause);
    }

    /**
     * A script file, resolved against the caller's directory; when it cannot be read or
     * parsed, the error's message is {@code failure} applied to the reason.
     */
    public static ChildScript fromFile(ScriptInstance caller, String path, UnaryOperator<String> failure) {
        DusoRuntime rt = caller.runtime();
        HostFiles files = HostFiles.of(rt);
        String resolved = resolvedName(caller, path);
        HostFiles.Target target = files.at(resolved);
        String cause;
        try {
            ChildScript found = load(caller, files, target, path);
            if (found != null) {
                return found;
            }
            if (files.allowed(target)) {
                files.read(target); // throws the reason the file cannot be read
            }
            cause = target.onDisk() && !files.allowed(target)
                    ? HostFiles.SANDBOXED
                    : FileFailure.notFound("open", resolved).text();
        } catch (FileFailure e) {
            cause = e.text();
        } catch (IOException e) {
            cause = FileFailure.of(e, "open", resolved).text();
        } catch (DusoError e) {
            cause = e.render();
        }
        throw Args.error(failure.apply(cause));
    }

    /** The script from disk, else from /STORE/; null when neither has it. */
    private static ChildScript load(ScriptInstance caller, HostFiles files, HostFiles.Target target, String path)
            throws IOException, FileFailure {
        DusoRuntime rt = caller.runtime();
        String name = target.shown();
        if (target.onDisk() && files.allowed(target) && files.isFile(target)) {
            return new ChildScript(rt.cache().get(target.real(), name), name, target.real().getParent());
        }
        HostFiles.Target stored = target.onDisk() ? files.at("/STORE/" + path) : target;
        if (stored.kind() == HostFiles.Kind.STORE && files.isFile(stored)) {
            String text = new String(files.read(stored), StandardCharsets.UTF_8);
            return new ChildScript(rt.cache().compile(new Source(name, null, text), name), name, caller.dir());
        }
        return null;
    }

    /**
     * What run()/spawn() were given: a script path or a code value; anything else is the
     * error {@code notAScript}.
     */
    public static ChildScript of(ScriptInstance caller, Object target, String verb, String notAScript) {
        if (target instanceof String path) {
            return fromFile(caller, path, verb);
        }
        if (target instanceof CodeValue code) {
            return fromCode(caller, code);
        }
        throw Args.error(notAScript);
    }

    /** A parse() code value; its compiled form is cached on the value. */
    public static ChildScript fromCode(ScriptInstance caller, CodeValue code) {
        Object cached = code.compiled();
        CompiledUnit unit;
        if (cached instanceof CompiledUnit u) {
            unit = u;
        } else {
            unit = Compiler.compile(code.program(), DYNAMIC, caller.runtime().registry());
            code.setCompiled(unit);
        }
        return new ChildScript(unit, DYNAMIC, caller.dir());
    }

    /** The name a script path resolves to from the caller (what its errors will show). */
    public static String resolvedName(ScriptInstance caller, String path) {
        return resolve(path, GoPaths.shown(caller.dir(), caller.runtime().cwd()));
    }

    /** The reference's ResolveScriptPath: relative paths join the caller's directory. */
    static String resolve(String path, String callerDir) {
        if (path.isEmpty() || GoPaths.isAbsolute(path)) {
            return path;
        }
        if (callerDir.isEmpty() || callerDir.equals(".")) {
            return path;
        }
        return GoPaths.join(callerDir, path);
    }
}
