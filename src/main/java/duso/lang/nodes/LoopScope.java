package duso.lang.nodes;

/**
 * Where a loop's (or catch block's) own variables live. When nothing in the body can capture
 * them (no function literal), they are extra slots of the enclosing frame, cleared on entry
 * so each run of the statement starts unbound as the reference's fresh scope does; otherwise
 * each run gets a fresh frame, so closures made in it keep their own binding.
 */
public final class LoopScope {
    private final String[] names;
    private final int[] flatSlots;

    private LoopScope(String[] names, int[] flatSlots) {
        this.names = names;
        this.flatSlots = flatSlots;
    }

    public static LoopScope flat(int[] slots) {
        return new LoopScope(null, slots);
    }

    public static LoopScope ownFrame(String[] names) {
        return new LoopScope(names, null);
    }

    /** Whether the loop's variables are slots of the enclosing frame. */
    boolean isFlat() {
        return names == null;
    }

    /** The enclosing frame's slots this scope unbinds on entry (flat scopes only). */
    int[] flatSlots() {
        return flatSlots;
    }

    /** The frame the body runs in. */
    Frame enter(Frame f) {
        if (names == null) {
            for (int s : flatSlots) {
                f.slots[s] = null;
            }
            return f;
        }
        return new Frame(new Object[names.length], names, f, null, f.interp);
    }

    /** Copies the body frame's result back when the loop ran in its own frame. */
    public static void leave(Frame outer, Frame inner) {
        if (inner != outer && inner.result != null) {
            outer.result = inner.result;
        }
    }
}
