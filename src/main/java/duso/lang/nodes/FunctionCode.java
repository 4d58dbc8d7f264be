package duso.lang.nodes;

/**
 * The compiled form of one function literal: its frame layout, parameters (defaults compiled
 * in the defining scope, since the reference evaluates them in the closure) and body. Shared
 * by every closure made from the same literal.
 */
public final class FunctionCode {
    final String name;
    final String file;
    final int frameSize;
    final String[] slotNames;
    final String[] params;
    final int[] paramSlots;
    final ExprNode[] defaults;
    final StmtNode body;
    /** Calls so far, until the function is handed to the JIT. */
    int calls;
    boolean jitRequested;
    /** Bytecode for the body once the JIT has compiled it (published by the JIT thread). */
    volatile CompiledCode compiled;

    public FunctionCode(String name, String file, String[] slotNames, String[] params, int[] paramSlots,
            ExprNode[] defaults, StmtNode body) {
        this.name = name == null ? "" : name;
        this.file = file;
        this.frameSize = slotNames.length;
        this.slotNames = slotNames;
        this.params = params;
        this.paramSlots = paramSlots;
        this.defaults = defaults;
        this.body = body;
        LoopNodes.CompilableLoop.linkFunction(body, this);
    }

    int paramIndex(String name) {
        for (int i = 0; i < params.length; i++) {
            if (params[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
