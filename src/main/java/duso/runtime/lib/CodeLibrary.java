package duso.runtime.lib;

import duso.lang.ast.Program;
import duso.lang.errors.DusoError;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.CodeValue;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.runtime.Args;
import duso.runtime.ChildInstance;
import duso.runtime.ChildScript;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Output;
import duso.runtime.Registry;

/**
 * Code as a value and scripts as calls: {@code parse()} turns source text into a code value
 * (or an error value: it never throws), {@code run()} executes a script file or code value
 * as a new, isolated instance and waits for it, and {@code context()} is what the starting
 * instance handed over (nil in the main script).
 */
public final class CodeLibrary implements Library {
    /** The file name the reference gives parse errors of code given to parse(). */
    private static final String PARSER = "<parser>";

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("parse", CodeLibrary::parse);
        r.add("context", a -> a.instance().context());
        r.add("run", a -> run(a, rt));
    }

    private static Object parse(Args a) {
        if (!(a.raw().at(0) instanceof String source)) {
            return new ErrorValue("parse() requires a string", "");
        }
        // The reference reads the positional metadata first, and only then the named one.
        Object meta = a.raw().at(1);
        if (meta == null) {
            meta = a.raw().named("metadata");
        }
        DusoObject metadata = meta instanceof DusoObject o ? (DusoObject) DeepCopy.copy(o) : null;
        try {
            Program program = Parser.parse(Source.of(PARSER, source), PARSER);
            return new CodeValue(source, program, metadata);
        } catch (DusoError e) {
            String text = e.render();
            return new ErrorValue(text, text);
        }
    }

    private static Object run(Args a, DusoRuntime rt) {
        Object target = a.get(0, "script");
        if (target == null) {
            throw Args.error("run() requires script path argument");
        }
        ChildScript script;
        if (target instanceof String path) {
            script = ChildScript.fromFile(a.instance(), path, "run");
        } else if (target instanceof CodeValue code) {
            script = ChildScript.fromCode(a.instance(), code);
        } else {
            throw Args.error("run() script arg must be a string path or code value");
        }
        // A timeout (third argument) and io routing belong to the process supervisor, which
        // runs a ChildInstance on its own thread; without them the child runs right here.
        ChildInstance child = ChildInstance.create(a.instance(), script, a.get(1, "context"), Output.of(rt.console()));
        return child.run();
    }
}
