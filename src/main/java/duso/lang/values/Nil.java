package duso.lang.values;

/** The nil value. There is exactly one; Java null never appears as a script value. */
public final class Nil {
    public static final Nil NIL = new Nil();

    private Nil() {}

    @Override
    public String toString() {
        return "nil";
    }
}
