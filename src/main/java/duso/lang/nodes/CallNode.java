package duso.lang.nodes;

import duso.lang.errors.DusoError;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Values;

/**
 * A call {@code callee(args…)}. Subclasses find the callee and the receiver ({@code obj.m()}
 * binds {@code self}; inside a method, an unqualified call of a field of {@code self} does too);
 * {@link #dispatch} then binds arguments the way the reference does:
 * <ul>
 *   <li>all parameters given positionally and nothing named: store them in order;</li>
 *   <li>otherwise defaults (evaluated in the defining scope) fill parameters no argument names,
 *       surplus positional arguments are not evaluated, and named arguments that are not
 *       parameters still become names in the callee's frame.</li>
 * </ul>
 * The call is on the script call stack from before its arguments are evaluated, as in the
 * reference, so an error in an argument lists the callee's frame.
 */
public abstract class CallNode extends ExprNode {
    final ExprNode[] args;
    final String[] names;
    final ExprNode[] namedArgs;
    final String file;

    CallNode(int pos, ExprNode[] args, String[] names, ExprNode[] namedArgs, String file) {
        super(pos);
        this.args = args;
        this.names = names;
        this.namedArgs = namedArgs;
        this.file = file;
    }

    /** The name shown in "cannot call non-function: NAME". */
    abstract String calleeName();

    final Object dispatch(Frame f, Object fn, Object self) {
        if (fn instanceof ScriptFunction sf) {
            return callScript(f, sf, self);
        }
        if (fn instanceof Builtin b) {
            if (b.needsCallerFrame) {
                return Invoke.callBuiltinFrom(f, b, evalArgs(f), file, pos);
            }
            return Invoke.callBuiltin(f.interp, b, evalArgs(f), file, pos);
        }
        if (fn instanceof DusoObject o) {
            if (args.length > 0) {
                throw Errors.plain(file, pos, "objects can only be called with named arguments");
            }
            return Invoke.callObject(o, names, evalNamed(f));
        }
        if (fn instanceof DusoArray a) {
            if (names.length > 0) {
                throw Errors.plain(file, pos, "arrays can only be called with positional arguments");
            }
            return Invoke.callArray(a, evalPositional(f));
        }
        throw Errors.plain(file, pos, "cannot call non-function: " + calleeName() + " (got " + Values.kind(fn) + ")");
    }

    private Object callScript(Frame f, ScriptFunction fn, Object self) {
        FunctionCode c = fn.code;
        Interp in = f.interp;
        in.checkInterrupt(file, pos);
        Frame fr = Invoke.newFrame(fn, self, in);
        in.push(fn, pos);
        try {
            if (names.length == 0 && args.length == c.params.length) {
                Object[] slots = fr.slots;
                int[] ps = c.paramSlots;
                for (int i = 0; i < args.length; i++) {
                    slots[ps[i]] = args[i].execute(f);
                }
            } else {
                bindSlow(f, fn, fr);
            }
            return Invoke.runBody(fn, fr);
        } catch (DusoError e) {
            throw Invoke.leaving(fn, e);
        } catch (StackOverflowError e) {
            throw Invoke.stackOverflow(in, file, pos);
        } finally {
            in.pop();
        }
    }

    private void bindSlow(Frame f, ScriptFunction fn, Frame fr) {
        FunctionCode c = fn.code;
        for (int i = 0; i < c.params.length; i++) {
            boolean supplied = i < args.length || hasName(c.params[i]);
            Object v = Nil.NIL;
            if (!supplied && c.defaults[i] != null) {
                v = c.defaults[i].execute(fn.closure);
            }
            fr.slots[c.paramSlots[i]] = v;
        }
        int n = Math.min(args.length, c.params.length);
        for (int i = 0; i < n; i++) {
            fr.slots[c.paramSlots[i]] = args[i].execute(f);
        }
        for (int j = 0; j < names.length; j++) {
            Object v = namedArgs[j].execute(f);
            int p = c.paramIndex(names[j]);
            if (p >= 0) {
                fr.slots[c.paramSlots[p]] = v;
            } else {
                fr.defineExtra(names[j], v);
            }
        }
    }

    private boolean hasName(String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Object[] evalPositional(Frame f) {
        if (args.length == 0) {
            return CallArgs.NO_VALUES;
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = args[i].execute(f);
        }
        return values;
    }

    private Object[] evalNamed(Frame f) {
        if (names.length == 0) {
            return CallArgs.NO_VALUES;
        }
        Object[] values = new Object[names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = namedArgs[i].execute(f);
        }
        return values;
    }

    private CallArgs evalArgs(Frame f) {
        return new CallArgs(evalPositional(f), names, evalNamed(f));
    }

    /** {@code name(…)}: a variable; inside a method, a field of self makes it a method call. */
    public static final class ByName extends CallNode {
        private final ReadVarNode callee;
        private final boolean inMethodScope;

        public ByName(int pos, ReadVarNode callee, boolean directlyInFunction, ExprNode[] args, String[] names,
                ExprNode[] namedArgs, String file) {
            super(pos, args, names, namedArgs, file);
            this.callee = callee;
            this.inMethodScope = directlyInFunction;
        }

        @Override
        String calleeName() {
            return callee.name();
        }

        @Override
        public Object execute(Frame f) {
            Object self = null;
            if (inMethodScope && f.self instanceof DusoObject so && so.has(callee.name())) {
                self = so;
            }
            return dispatch(f, callee.execute(f), self);
        }
    }

    /** {@code obj.name(…)}: the receiver is evaluated once and becomes self. */
    public static final class Method extends CallNode {
        private final ExprNode receiver;
        private final String method;
        private final int propertyPos;

        public Method(int pos, ExprNode receiver, String method, int propertyPos, ExprNode[] args, String[] names,
                ExprNode[] namedArgs, String file) {
            super(pos, args, names, namedArgs, file);
            this.receiver = receiver;
            this.method = method;
            this.propertyPos = propertyPos;
        }

        @Override
        String calleeName() {
            return method;
        }

        @Override
        public Object execute(Frame f) {
            Object self = receiver.execute(f);
            Object fn = self instanceof DusoObject o ? o.get(method) : Access.readProperty(self, method, file, propertyPos);
            return dispatch(f, fn, self);
        }
    }

    /** Any other callee expression ({@code fns[0](…)}, {@code f()(…)}). */
    public static final class ByValue extends CallNode {
        private final ExprNode callee;

        public ByValue(int pos, ExprNode callee, ExprNode[] args, String[] names, ExprNode[] namedArgs, String file) {
            super(pos, args, names, namedArgs, file);
            this.callee = callee;
        }

        @Override
        String calleeName() {
            return "unknown";
        }

        @Override
        public Object execute(Frame f) {
            return dispatch(f, callee.execute(f), null);
        }
    }
}
