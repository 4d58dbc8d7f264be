package duso.lang.values;

import duso.lang.ast.Program;

/**
 * Parsed code from {@code parse()}: the source, its AST and user metadata. {@code compiled}
 * caches the executable form so running the same code value twice compiles it once.
 */
public final class CodeValue {
    private final String source;
    private final Program program;
    private final DusoObject metadata;
    private volatile Object compiled;

    public CodeValue(String source, Program program, DusoObject metadata) {
        this.source = source;
        this.program = program;
        this.metadata = metadata;
    }

    public String source() {
        return source;
    }

    public Program program() {
        return program;
    }

    public DusoObject metadata() {
        return metadata;
    }

    public Object compiled() {
        return compiled;
    }

    public void setCompiled(Object c) {
        compiled = c;
    }
}
