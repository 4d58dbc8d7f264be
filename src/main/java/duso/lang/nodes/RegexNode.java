package duso.lang.nodes;

import com.google.re2j.PatternSyntaxException;
import duso.lang.values.RegexValue;

/** {@code ~pattern~}: compiled on first evaluation (RE2 syntax); a bad pattern is an error each time. */
public final class RegexNode extends ExprNode {
    private final String pattern;
    private final String file;
    private volatile RegexValue compiled;

    public RegexNode(int pos, String pattern, String file) {
        super(pos);
        this.pattern = pattern;
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        RegexValue r = compiled;
        if (r == null) {
            try {
                r = new RegexValue(pattern, RegexCompiler.compile(pattern, false));
            } catch (PatternSyntaxException e) {
                throw Errors.plain(file, pos, "invalid regex pattern: " + RegexErrors.describe(e));
            }
            compiled = r;
        }
        return r;
    }
}
