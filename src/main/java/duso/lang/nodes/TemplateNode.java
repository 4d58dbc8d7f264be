package duso.lang.nodes;

import duso.lang.errors.DusoError;
import duso.lang.values.Render;

/**
 * A string literal with {{expr}} parts, evaluated in the current scope. As in the reference,
 * an "undefined variable: NAME" error anywhere inside an expression renders as the literal
 * text {@code {{NAME}}}; other errors are reported at the string literal's position.
 */
public final class TemplateNode extends ExprNode {
    private static final String UNDEFINED = "undefined variable:";

    private final String[] texts;
    private final ExprNode[] exprs;
    private final String file;
    /**
     * The length of the last rendering, to size the next one's buffer: a template in a loop
     * renders about the same length each time, and growing a default-sized buffer copied it
     * three or four times (a racy read between threads only picks a worse first size).
     */
    private int lastLength = 16;

    /** Part i is texts[i] when exprs[i] is null. */
    public TemplateNode(int pos, String[] texts, ExprNode[] exprs, String file) {
        super(pos);
        this.texts = texts;
        this.exprs = exprs;
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        StringBuilder b = new StringBuilder(lastLength);
        for (int i = 0; i < exprs.length; i++) {
            ExprNode e = exprs[i];
            if (e == null) {
                b.append(texts[i]);
                continue;
            }
            try {
                Render.display(e.execute(f), b);
            } catch (DusoError err) {
                if (err.value() instanceof String msg) {
                    int at = msg.indexOf(UNDEFINED);
                    if (at >= 0) {
                        b.append("{{").append(msg.substring(at + UNDEFINED.length()).strip()).append("}}");
                        continue;
                    }
                }
                // An error raised without a call stack (the reference's plain errors: indexing,
                // comparisons) takes the one the template is evaluated in, as the reference's
                // wrapping does.
                throw new DusoError(err.value(), file, pos, err.stack()).withStackIfEmpty(f.interp.stack());
            }
        }
        lastLength = b.length() + 8;
        return b.toString();
    }
}
