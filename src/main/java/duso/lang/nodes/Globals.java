package duso.lang.nodes;

/**
 * Names every script can see without defining them: the builtin functions. The runtime
 * provides the table; the compiler binds known builtins into call sites, and lookups of names
 * no scope holds end here.
 */
public interface Globals {
    /** The builtin value for a name, or null when there is none. */
    Object lookup(String name);
}
