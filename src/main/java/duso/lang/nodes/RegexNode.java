package duso.lang.nodes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import duso.lang.errors.DusoError;
import duso.lang.values.RegexValue;

/**
 * {@code ~pattern~}: compiled on first evaluation (RE2 syntax); a bad pattern is an error each
 * time. Each evaluation is a new regex value sharing the compiled pattern, as in the reference,
 * so two evaluations of one literal are two values (never equal, see docs/compatibility.md).
 */
public final class RegexNode extends ExprNode {
    private final String pattern;
    private final String file;
    private volatile Pattern compiled;

    public RegexNode(int pos, String pattern, String file) {
        super(pos);
        this.pattern = pattern;
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        Pattern p = compiled;
        if (p == null) {
            try {
                p = RegexCompiler.compile(pattern, false);
            } catch (PatternSyntaxException e) {
                // The reference raises it with the call stack but no line and column.
                throw new DusoError("invalid regex pattern: " + RegexErrors.describe(e), file, pos,
                        f.interp.stack()).unpositionedInReference();
            }
            compiled = p;
        }
        return new RegexValue(pattern, p);
    }
}
