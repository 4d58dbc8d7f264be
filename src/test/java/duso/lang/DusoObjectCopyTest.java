package duso.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import duso.lang.values.DusoObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shallow copy of an object shares its entries only until one side is written. */
class DusoObjectCopyTest {
    private static DusoObject point() {
        DusoObject o = new DusoObject();
        o.put("x", 1.0);
        o.put("y", 2.0);
        return o;
    }

    @Test
    void writesToTheCopyStayInTheCopy() {
        DusoObject proto = point();
        DusoObject copy = proto.shallowCopy();
        copy.put("x", 10.0);
        copy.put("z", 3.0);
        copy.remove("y");
        assertEquals(List.of("x", "y"), List.copyOf(proto.keys()));
        assertEquals(1.0, proto.get("x"));
        assertEquals(List.of("x", "z"), List.copyOf(copy.keys()));
    }

    @Test
    void writesToTheOriginalDoNotReachEarlierCopies() {
        DusoObject proto = point();
        DusoObject a = proto.shallowCopy();
        DusoObject b = proto.shallowCopy();
        proto.put("x", 5.0);
        proto.remove("y");
        assertEquals(1.0, a.get("x"));
        assertEquals(2.0, b.get("y"));
        assertFalse(proto.has("y"));
        b.put("y", 7.0);
        assertEquals(2.0, a.get("y"));
    }

    @Test
    void theBackingMapIsTheObjectsOwn() {
        DusoObject proto = point();
        DusoObject copy = proto.shallowCopy();
        copy.map().put("w", 0.0);
        proto.map().remove("x");
        assertNull(proto.getOrNull("w"));
        assertEquals(1.0, copy.get("x"));
        assertEquals(List.of("x", "y", "w"), List.copyOf(copy.keys()));
    }

    @Test
    void aCopyOfACopyIsIndependentToo() {
        DusoObject proto = point();
        DusoObject child = proto.shallowCopy();
        DusoObject grandchild = child.shallowCopy();
        child.put("x", 2.0);
        grandchild.put("x", 3.0);
        assertEquals(1.0, proto.get("x"));
        assertEquals(2.0, child.get("x"));
        assertEquals(3.0, grandchild.get("x"));
    }
}
