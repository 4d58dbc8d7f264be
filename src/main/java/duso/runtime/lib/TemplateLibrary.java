package duso.runtime.lib;

import duso.lang.ast.Expr;
import duso.lang.ast.Program;
import duso.lang.ast.Stmt;
import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.errors.DusoError;
import duso.lang.nodes.Builtin;
import duso.lang.nodes.CallArgs;
import duso.lang.nodes.Frame;
import duso.lang.nodes.Globals;
import duso.lang.nodes.Interp;
import duso.lang.nodes.TopLevel;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import java.util.List;

/**
 * template(text): a function that renders {@code {{…}}} text with its named arguments.
 *
 * <p>The text is parsed and compiled once, when template() is called; each call then runs it in
 * a fresh scope that holds only the call's named arguments (positional ones are ignored) and
 * sees the builtins but no script variables, as in the reference. A name the call does not
 * bind renders as {@code {{name}}}. Note that a string literal argument was already rendered as
 * a template when it was evaluated, so only {@code raw} text keeps every placeholder.
 */
public final class TemplateLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("template", a -> {
            if (!(a.raw().at(0) instanceof String text)) {
                throw Args.error("template() requires a string argument");
            }
            return TemplateFunction.compile(text, a.instance().file(), a.interp().globals());
        });
    }

    /** The function template() returns. */
    static final class TemplateFunction extends Builtin {
        private static final String FAILED = "template evaluation error: ";

        /** The rendering when the text has no {{…}}, else null. */
        private final String constant;
        private final CompiledUnit unit;
        /** Why the text does not parse; reported by each call, as the reference parses per call. */
        private final DusoError parseError;

        private TemplateFunction(String constant, CompiledUnit unit, DusoError parseError) {
            super("template");
            this.constant = constant;
            this.unit = unit;
            this.parseError = parseError;
        }

        static TemplateFunction compile(String text, String file, Globals globals) {
            Expr body;
            try {
                body = Parser.parseTemplate(text);
            } catch (DusoError e) {
                return new TemplateFunction(null, null, e);
            }
            if (body instanceof Expr.StringLit s) {
                return new TemplateFunction(s.value(), null, null);
            }
            Program program = new Program(Source.of("<template>", text), List.of(new Stmt.ExprStmt(body)));
            return new TemplateFunction(null, Compiler.compileDynamic(program, file, globals), null);
        }

        @Override
        public Object call(Interp interp, CallArgs args) {
            if (parseError != null) {
                throw Args.error(FAILED + "template parse error: " + parseError.render());
            }
            if (constant != null) {
                return constant;
            }
            // The named arguments become the scope's slots, found by name like include's code.
            Frame scope = new Frame(args.namedValues().clone(), args.names(), null, null, interp);
            try {
                TopLevel.run(unit.body(), scope);
            } catch (DusoError e) {
                throw Args.error(FAILED + e.render());
            }
            return scope.result;
        }
    }
}
