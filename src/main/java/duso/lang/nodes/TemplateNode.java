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

    /** Part i is texts[i] when exprs[i] is null. */
    public TemplateNode(int pos, String[] texts, ExprNode[] exprs, String file) {
        super(pos);
        this.texts = texts;
        this.exprs = exprs;
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < exprs.length; i++) {
            ExprNode e = exprs[i];
            if (e == null) {
                b.append(texts[i]);
                continue;
            }
            try {
                b.append(Render.display(e.execute(f)));
            } catch (DusoError err) {
                if (err.value() instanceof String msg) {
                    int at = msg.indexOf(UNDEFINED);
                    if (at >= 0) {
                        b.append("{{").append(msg.substring(at + UNDEFINED.length()).strip()).append("}}");
                        continue;
                    }
                }
                throw new DusoError(err.value(), file, pos, err.stack());
            }
        }
        return b.toString();
    }
}
