package duso.lang.nodes;

import duso.lang.errors.DusoError;
import duso.lang.source.Pos;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.Values;

/**
 * Running functions: the body protocol shared by call sites and by builtins that call back
 * into scripts, and the error translation at the builtin boundary.
 */
public final class Invoke {
    private Invoke() {}

    static Frame newFrame(ScriptFunction fn, Object self, Interp in) {
        FunctionCode c = fn.code;
        Frame fr = new Frame(new Object[c.frameSize], c.slotNames, fn.closure, self, in);
        if (in.isParallel()) {
            fr.barrier = true;
        }
        return fr;
    }

    /** Runs a bound frame's body and produces the call's value (the caller pushed the stack). */
    static Object runBody(ScriptFunction fn, Frame fr) {
        FunctionCode c = fn.code;
        CompiledCode cc = c.compiled;
        int status;
        if (cc != null) {
            status = cc.exec(fr);
        } else {
            if (++c.calls >= Jit.callThreshold) {
                Jit.requestFunction(c);
            }
            status = c.body.exec(fr);
        }
        if (status == StmtNode.RETURN) {
            return fr.returnValue;
        }
        if (status != StmtNode.NORMAL) {
            throw status == StmtNode.BREAK ? LoopEscape.BREAK : LoopEscape.CONTINUE;
        }
        Object r = fr.result;
        return r != null ? r : Nil.NIL;
    }

    /**
     * Calls any callable with evaluated arguments, as builtins do for callbacks. Script
     * functions get their parameters by position, defaults for the rest, named values by name.
     */
    public static Object callValue(Interp in, Object fn, Object[] args, String[] names, Object[] named,
            int site, String file) {
        if (fn instanceof ScriptFunction sf) {
            return callScript(in, sf, null, args, names, named, site);
        }
        if (fn instanceof Builtin b) {
            return callBuiltin(in, b, new CallArgs(args, names, named), file, site);
        }
        throw Errors.plain(file, site, "cannot call non-function (got " + Values.kind(fn) + ")");
    }

    static Object callScript(Interp in, ScriptFunction fn, Object self, Object[] args, String[] names,
            Object[] named, int site) {
        FunctionCode c = fn.code;
        in.checkInterrupt(null, 0);
        Frame fr = newFrame(fn, self, in);
        in.push(fn, site);
        try {
            for (int i = 0; i < c.params.length; i++) {
                Object v;
                if (i < args.length) {
                    v = args[i];
                } else if (indexOf(names, c.params[i]) >= 0) {
                    v = named[indexOf(names, c.params[i])];
                } else if (c.defaults[i] != null) {
                    v = c.defaults[i].execute(fn.closure);
                } else {
                    v = Nil.NIL;
                }
                fr.slots[c.paramSlots[i]] = v;
            }
            for (int j = 0; j < names.length; j++) {
                int p = c.paramIndex(names[j]);
                if (p >= 0) {
                    fr.slots[c.paramSlots[p]] = named[j];
                } else {
                    fr.defineExtra(names[j], named[j]);
                }
            }
            return runBody(fn, fr);
        } catch (DusoError e) {
            // A builtin calling back (no site) leaves the file as the caller had it.
            throw Pos.isValid(site) ? leaving(fn, e) : e;
        } catch (StackOverflowError e) {
            throw stackOverflow(in, c.file, site);
        } finally {
            in.pop();
        }
    }

    /** An error leaving a function called from script code: its file is settled there. */
    static DusoError leaving(ScriptFunction fn, DusoError e) {
        return e.settleFile(fn.anonymous() ? null : e.file());
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static DusoError stackOverflow(Interp in, String file, int site) {
        return new DusoError("stack overflow: call chain too deep", file, site, java.util.List.of());
    }

    /**
     * Calls a builtin and gives its errors the call site's position (builtin errors are
     * positioned at the call's parenthesis). A Java exception escaping a builtin is a bug in
     * that builtin; the script still gets a catchable error instead of a Java stack trace.
     */
    public static Object callBuiltin(Interp in, Builtin b, CallArgs args, String file, int site) {
        try {
            Object r = b.call(in, args);
            return r == null ? Nil.NIL : r;
        } catch (DusoError e) {
            throw e.locate(file, site);
        } catch (ExitSignal | LoopEscape e) {
            throw e;
        } catch (StackOverflowError e) {
            throw stackOverflow(in, file, site);
        } catch (RuntimeException e) {
            throw new DusoError(b.name() + "() failed: " + e, file, site, java.util.List.of());
        }
    }

    /** Calls a builtin that works on its caller's frame, publishing the frame during the call. */
    static Object callBuiltinFrom(Frame caller, Builtin b, CallArgs args, String file, int site) {
        Interp in = caller.interp;
        Frame saved = in.callerFrame;
        in.callerFrame = caller;
        try {
            return callBuiltin(in, b, args, file, site);
        } finally {
            in.callerFrame = saved;
        }
    }

    /** {@code Proto(k = v, …)}: a shallow copy with the named fields set. */
    static DusoObject callObject(DusoObject proto, String[] names, Object[] values) {
        DusoObject copy = proto.shallowCopy();
        for (int i = 0; i < names.length; i++) {
            copy.put(names[i], values[i]);
        }
        return copy;
    }

    /** {@code arr(x, y)}: a shallow copy with the arguments appended. */
    static DusoArray callArray(DusoArray arr, Object[] extra) {
        DusoArray copy = arr.shallowCopy();
        for (Object v : extra) {
            copy.add(v);
        }
        return copy;
    }

    /** Whether a value can be called at all (for builtins that take callbacks). */
    public static boolean isCallable(Object v) {
        return v instanceof FunctionValue;
    }
}
