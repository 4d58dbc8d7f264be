package duso.lang.nodes;

import duso.lang.values.Nil;

/**
 * Evaluated arguments of one call: positional values and named ones ({@code f(a, key = v)}).
 * Builtins read them by position or name through the runtime's argument checker.
 */
public final class CallArgs {
    public static final String[] NO_NAMES = {};
    public static final Object[] NO_VALUES = {};

    private final Object[] positional;
    private final String[] names;
    private final Object[] named;

    public CallArgs(Object[] positional, String[] names, Object[] named) {
        this.positional = positional;
        this.names = names;
        this.named = named;
    }

    public static CallArgs of(Object... positional) {
        return new CallArgs(positional, NO_NAMES, NO_VALUES);
    }

    public int count() {
        return positional.length;
    }

    /** Positional argument i, or null when absent. */
    public Object at(int i) {
        return i < positional.length ? positional[i] : null;
    }

    /** Named argument, or null when absent. */
    public Object named(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return named[i];
            }
        }
        return null;
    }

    /** The named argument if given, else the positional one (the reference's GetArg), or null. */
    public Object get(int index, String name) {
        Object v = name == null ? null : named(name);
        return v != null ? v : at(index);
    }

    /** Like {@link #get} but nil when absent. */
    public Object getOrNil(int index, String name) {
        Object v = get(index, name);
        return v == null ? Nil.NIL : v;
    }

    public boolean has(int index, String name) {
        return get(index, name) != null;
    }

    public Object[] positional() {
        return positional;
    }

    public String[] names() {
        return names;
    }

    public Object[] namedValues() {
        return named;
    }

    public boolean hasNamed() {
        return names.length > 0;
    }
}
