package duso.lang.nodes;

import duso.lang.values.DusoObject;

/**
 * A name as the resolver saw it: the declarations that may hold it, innermost first, each as
 * (frame hops, slot), and whether that declaration is in the frame's own function/root scope.
 *
 * <p>Lookups follow the reference's environment walk exactly: in each frame, bound slots, then
 * run-time names ({@link Frame#extras}), then the receiver's fields; then the parent frame.
 * A {@code null} hops array means the name was compiled without static knowledge (code run
 * by {@code include}); then every frame is searched by slot name.
 */
public final class VarRef {
    final String name;
    final int[] hops;
    final int[] slots;
    final boolean[] owner;

    public VarRef(String name, int[] hops, int[] slots, boolean[] owner) {
        this.name = name;
        this.hops = hops;
        this.slots = slots;
        this.owner = owner;
    }

    public static VarRef dynamic(String name) {
        return new VarRef(name, null, null, null);
    }

    public String name() {
        return name;
    }

    boolean isDynamic() {
        return hops == null;
    }

    int candidates() {
        return hops == null ? 0 : hops.length;
    }

    /** The bound value, or null when no frame holds the name. */
    Object lookup(Frame f) {
        if (hops == null) {
            return lookupByName(f, name);
        }
        Frame fr = f;
        int hop = 0;
        int ci = 0;
        int n = hops.length;
        while (true) {
            for (; ci < n && hops[ci] == hop; ci++) {
                Object v = fr.slots[slots[ci]];
                if (v != null) {
                    return v;
                }
            }
            Object v = inExtrasOrSelf(fr, name);
            if (v != null) {
                return v;
            }
            fr = fr.parent;
            if (fr == null) {
                return null;
            }
            hop++;
        }
    }

    static Object lookupByName(Frame f, String name) {
        for (Frame fr = f; fr != null; fr = fr.parent) {
            String[] names = fr.names;
            for (int i = names.length - 1; i >= 0; i--) {
                if (names[i].equals(name) && fr.slots[i] != null) {
                    return fr.slots[i];
                }
            }
            Object v = inExtrasOrSelf(fr, name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Object inExtrasOrSelf(Frame fr, String name) {
        if (fr.extras != null) {
            Object v = fr.extras.get(name);
            if (v != null) {
                return v;
            }
        }
        if (fr.self instanceof DusoObject o) {
            return o.getOrNull(name);
        }
        return null;
    }

    /**
     * Plain assignment {@code name = v}: update the first frame that holds the name (slot,
     * run-time name or receiver field); a parallel-branch barrier or the root frame defines it.
     */
    void assign(Frame f, Object value) {
        if (hops == null) {
            assignByName(f, name, value);
            return;
        }
        Frame fr = f;
        int hop = 0;
        int ci = 0;
        int n = hops.length;
        while (true) {
            int ownSlot = -1;
            for (; ci < n && hops[ci] == hop; ci++) {
                int s = slots[ci];
                if (fr.slots[s] != null) {
                    fr.slots[s] = value;
                    return;
                }
                if (owner[ci]) {
                    ownSlot = s;
                }
            }
            if (updateExtrasOrSelf(fr, name, value)) {
                return;
            }
            if (fr.barrier || fr.parent == null) {
                if (ownSlot >= 0) {
                    fr.slots[ownSlot] = value;
                } else {
                    fr.defineExtra(name, value);
                }
                return;
            }
            fr = fr.parent;
            hop++;
        }
    }

    static void assignByName(Frame f, String name, Object value) {
        for (Frame fr = f; ; fr = fr.parent) {
            String[] names = fr.names;
            int own = -1;
            for (int i = names.length - 1; i >= 0; i--) {
                if (names[i].equals(name)) {
                    if (fr.slots[i] != null) {
                        fr.slots[i] = value;
                        return;
                    }
                    own = i;
                }
            }
            if (updateExtrasOrSelf(fr, name, value)) {
                return;
            }
            if (fr.barrier || fr.parent == null) {
                if (own >= 0) {
                    fr.slots[own] = value;
                } else {
                    fr.defineExtra(name, value);
                }
                return;
            }
        }
    }

    private static boolean updateExtrasOrSelf(Frame fr, String name, Object value) {
        if (fr.extras != null && fr.extras.containsKey(name)) {
            fr.extras.put(name, value);
            return true;
        }
        if (fr.self instanceof DusoObject o && o.has(name)) {
            o.put(name, value);
            return true;
        }
        return false;
    }

    /** Defines the name in the current frame (run-time compiled code: var, function, include). */
    static void defineByName(Frame f, String name, Object value) {
        String[] names = f.names;
        for (int i = names.length - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                f.slots[i] = value;
                return;
            }
        }
        f.defineExtra(name, value);
    }
}
