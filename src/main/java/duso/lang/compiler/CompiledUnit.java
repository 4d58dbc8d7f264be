package duso.lang.compiler;

import duso.lang.nodes.Frame;
import duso.lang.nodes.Interp;
import duso.lang.nodes.StmtNode;

/**
 * A compiled source unit: its top-level statements and the layout of the root frame they run
 * in. Compiled once, run any number of times (each run of a script instance gets a new root
 * frame). Units compiled for {@code include} run in an existing frame instead.
 */
public final class CompiledUnit {
    private final StmtNode body;
    private final String[] rootNames;
    private final String file;

    CompiledUnit(StmtNode body, String[] rootNames, String file) {
        this.body = body;
        this.rootNames = rootNames;
        this.file = file;
    }

    public StmtNode body() {
        return body;
    }

    /** The name runtime errors in this unit report as their file. */
    public String file() {
        return file;
    }

    /** A fresh root frame for one run of this unit. */
    public Frame newRootFrame(Interp interp) {
        return new Frame(new Object[rootNames.length], rootNames, null, null, interp);
    }
}
