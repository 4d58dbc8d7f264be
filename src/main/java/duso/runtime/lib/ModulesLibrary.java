package duso.runtime.lib;

import duso.lang.ast.Program;
import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.errors.DusoError;
import duso.lang.nodes.Frame;
import duso.lang.nodes.Interp;
import duso.lang.nodes.StmtNode;
import duso.lang.nodes.TopLevel;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.FileFailure;
import duso.runtime.HostFiles;
import duso.runtime.Library;
import duso.runtime.ModuleResolver;
import duso.runtime.Registry;
import duso.runtime.ScriptInstance;
import duso.runtime.ScriptRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code require(name)}: runs a module file in a fresh instance and returns its value (the
 * last statement's, an explicit top-level {@code return}'s, or {@code exit()}'s), again on
 * every call (parsed code is cached, results are not). {@code include(name)}: runs a file in
 * the caller's current scope, so its definitions stay visible there.
 *
 * <p>As in the reference, runtime errors inside a module name the file {@code <stdin>},
 * parse errors {@code <parser>}, and both are wrapped with the module's path; a module that
 * (indirectly) loads itself is reported as a cycle instead of recursing forever.
 */
public final class ModulesLibrary implements Library {
    private static final String MODULE_FILE = "<stdin>";
    private static final String PARSER = "<parser>";

    @Override
    public void install(Registry r, DusoRuntime rt) {
        ModuleResolver resolver = new ModuleResolver(rt);
        r.add("require", a -> require(a, rt, resolver));
        r.addInCallerScope("include", a -> include(a, rt, resolver));
    }

    /** The module name: a string first argument, else a named {@code filename} of any type. */
    private static String moduleName(Args a) {
        if (a.raw().at(0) instanceof String s) {
            return s;
        }
        Object named = a.raw().named("filename");
        if (named == null) {
            throw Args.error(a.function() + "() requires a filename argument");
        }
        return named instanceof String s ? s : Render.goFormat(named);
    }

    private static Object require(Args a, DusoRuntime rt, ModuleResolver resolver) {
        String path = resolver.resolve(moduleName(a));
        ScriptInstance caller = a.instance();
        checkCycle(caller, path);
        HostFiles.Target target = HostFiles.of(rt).at(path);
        CompiledUnit unit;
        try {
            unit = target.onDisk()
                    ? rt.cache().get(target.real(), PARSER, MODULE_FILE)
                    : rt.cache().compile(new Source(PARSER, null, text(rt, target)), MODULE_FILE);
        } catch (DusoError e) {
            throw Args.error("cannot parse module '" + path + "': " + e.render());
        } catch (IOException e) {
            throw Args.error("cannot parse module '" + path + "': " + FileFailure.of(e, "open", path).text());
        }
        Path dir = target.onDisk() ? target.real().getParent() : caller.dir();
        ScriptInstance module = caller.forModule(path, MODULE_FILE, dir);
        Interp interp = module.newInterp(false);
        try {
            return ScriptRunner.runModule(unit, interp).value();
        } catch (DusoError e) {
            throw Args.error("error in module '" + path + "': " + e.render());
        }
    }

    private static Object include(Args a, DusoRuntime rt, ModuleResolver resolver) {
        String path = resolver.resolve(moduleName(a));
        Frame frame = a.callerFrame();
        if (frame == null) {
            throw Args.error("include() must be called directly from script code");
        }
        ScriptInstance caller = a.instance();
        checkCycle(caller, path);
        CompiledUnit unit;
        try {
            Program program = Parser.parse(new Source(PARSER, path, text(rt, HostFiles.of(rt).at(path))), PARSER);
            unit = Compiler.compileDynamic(program, path, rt.registry());
        } catch (DusoError e) {
            throw Args.error("cannot parse include '" + path + "': " + e.render());
        }
        Interp interp = a.interp();
        Object savedResult = frame.result;
        interp.hostState = caller.loadingModule(path);
        try {
            int status = TopLevel.run(unit.body(), frame);
            if (status == StmtNode.RETURN) {
                throw Args.error("return outside of function");
            }
            if (status != StmtNode.NORMAL) {
                throw Args.error(status == StmtNode.BREAK ? "break" : "continue");
            }
            return Nil.NIL;
        } catch (DusoError e) {
            throw Args.error("error in included script '" + path + "': " + e.render());
        } finally {
            interp.hostState = caller;
            frame.result = savedResult;
        }
    }

    /** A module already being loaded further up this chain is a cycle. */
    private static void checkCycle(ScriptInstance caller, String path) {
        List<String> chain = caller.loading();
        int first = chain.indexOf(path);
        if (first < 0) {
            return;
        }
        StringBuilder b = new StringBuilder("circular dependency detected\n");
        for (int i = first; i < chain.size(); i++) {
            b.append("  ").append(chain.get(i)).append("\n  → ");
        }
        b.append(path).append(" (circular)\n");
        throw Args.error(b.toString());
    }

    private static String text(DusoRuntime rt, HostFiles.Target target) {
        try {
            return new String(HostFiles.of(rt).read(target), StandardCharsets.UTF_8);
        } catch (FileFailure e) {
            throw Args.error(e.text());
        }
    }
}
