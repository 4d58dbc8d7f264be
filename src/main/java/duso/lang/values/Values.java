package duso.lang.values;

/**
 * The rules every part of the runtime shares about values: type names, truthiness, equality
 * and ordering. One implementation, called from the interpreter and from builtins alike.
 */
public final class Values {
    private Values() {}

    /** What {@code type(v)} returns: "boolean" for booleans. */
    public static String typeName(Object v) {
        if (v instanceof Double) {
            return "number";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return typeNameOfReference(v);
    }

    /** The name error messages use ("bool" for booleans, as the reference's messages do). */
    public static String kind(Object v) {
        return v instanceof Boolean ? "bool" : typeName(v);
    }

    private static String typeNameOfReference(Object v) {
        if (v == Nil.NIL || v == null) {
            return "nil";
        }
        if (v instanceof DusoArray) {
            return "array";
        }
        if (v instanceof DusoObject) {
            return "object";
        }
        if (v instanceof FunctionValue) {
            return "function";
        }
        if (v instanceof CodeValue) {
            return "code";
        }
        if (v instanceof ErrorValue) {
            return "error";
        }
        if (v instanceof BinaryValue) {
            return "binary";
        }
        if (v instanceof RegexValue) {
            return "regex";
        }
        return "unknown";
    }

    /** nil, false, 0, "", empty array/object/binary are falsy; everything else is truthy. */
    public static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v == Nil.NIL) {
            return false;
        }
        if (v instanceof DusoArray a) {
            return a.size() > 0;
        }
        if (v instanceof DusoObject o) {
            return o.size() > 0;
        }
        if (v instanceof BinaryValue b) {
            return b.length() > 0;
        }
        return true;
    }

    /**
     * {@code ==}: nil, numbers (IEEE), strings and booleans by value; every other value only
     * equals itself (identity, a documented improvement: the reference says never equal).
     */
    public static boolean equal(Object a, Object b) {
        if (a instanceof Double x) {
            return b instanceof Double y && x.doubleValue() == y.doubleValue();
        }
        if (a instanceof String x) {
            return b instanceof String y && x.equals(y);
        }
        if (a instanceof Boolean x) {
            return b instanceof Boolean y && x.booleanValue() == y.booleanValue();
        }
        return a == b;
    }

    /** Compares strings by UTF-8 byte order (code point order), as Go does. */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** A number for ordering comparisons: numbers, and strings Go's ParseFloat accepts; else null. */
    public static Double orderingNumber(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            return GoNumbers.parseFloat(s);
        }
        return null;
    }

    public static Double num(double d) {
        return d;
    }
}
