package duso.lang.values;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * A mutable script array: a reference value shared by every variable that holds it.
 *
 * <p>Backed by a ring-less window over an Object[] ({@code head} moves forward on shift) so
 * both ends are cheap: push/pop and shift are O(1), as with Go slices; unshift is O(n).
 * Elements are never Java null (nil is {@link Nil#NIL}).
 *
 * <p>A walk over the array ({@code for x in arr}, map, filter, reduce) reads the storage the
 * array had when the walk began, for as many elements as it had then, as the reference's
 * range over a Go slice does: writes to an index are seen, while shift, pop and unshift, which
 * re-slice or replace the storage there, are not. {@link #walk()} marks the storage as walked;
 * until it is replaced, shift and pop leave their old slots as they were and unshift copies.
 */
public final class DusoArray {
    private static final Object[] EMPTY = {};

    private Object[] items;
    private int head;
    private int size;
    /** A walk may be reading {@link #items}: only ever write it where Go's slices would. */
    private boolean walked;

    public DusoArray() {
        items = EMPTY;
    }

    public DusoArray(int capacity) {
        items = capacity == 0 ? EMPTY : new Object[capacity];
    }

    /** Wraps the given elements without copying (the array must not be shared). */
    public static DusoArray wrap(Object[] elements) {
        DusoArray a = new DusoArray();
        a.items = elements;
        a.size = elements.length;
        return a;
    }

    public static DusoArray of(Object... elements) {
        return wrap(elements.clone());
    }

    public static DusoArray copyOf(Collection<?> elements) {
        return wrap(elements.toArray());
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Object get(int index) {
        return items[head + index];
    }

    public void set(int index, Object value) {
        if (index >= size) {
            ensureCapacity(index + 1);
            Arrays.fill(items, head + size, head + index, Nil.NIL);
            size = index + 1;
        }
        items[head + index] = value;
    }

    public void add(Object value) {
        if (head + size == items.length) {
            ensureCapacity(size + 1);
        }
        items[head + size++] = value;
    }

    public void addAll(DusoArray other) {
        ensureCapacity(size + other.size);
        System.arraycopy(other.items, other.head, items, head + size, other.size);
        size += other.size;
    }

    public void insertFirst(Object value) {
        if (head == 0 || walked) {
            int headroom = Math.max(4, size / 2);
            Object[] n = new Object[headroom + size + Math.max(4, size / 4)];
            System.arraycopy(items, head, n, headroom, size);
            items = n;
            head = headroom;
            walked = false;
        }
        items[--head] = value;
        size++;
    }

    public Object removeLast() {
        if (size == 0) {
            return Nil.NIL;
        }
        int i = head + --size;
        Object v = items[i];
        if (!walked) {
            items[i] = null;
        }
        return v;
    }

    public Object removeFirst() {
        if (size == 0) {
            return Nil.NIL;
        }
        Object v = items[head];
        if (walked) {
            head++;
            size--;
            return v;
        }
        items[head++] = null;
        if (--size == 0) {
            head = 0;
        }
        return v;
    }

    public void clear() {
        items = EMPTY;
        head = 0;
        size = 0;
        walked = false;
    }

    private void ensureCapacity(int needed) {
        if (head + needed <= items.length) {
            return;
        }
        int cap = Math.max(needed, Math.max(4, size + (size >> 1) + 1));
        Object[] n = new Object[cap];
        System.arraycopy(items, head, n, 0, size);
        items = n;
        head = 0;
        walked = false;
    }

    /** A walk over the array as it is now (see the class comment). */
    public Walk walk() {
        walked = true;
        return new Walk(items, head, size);
    }

    /**
     * The elements an array had when a walk began, read from its storage as the walk goes:
     * later writes to an index land in it until the array outgrows it.
     */
    public record Walk(Object[] items, int start, int size) {
        public Object get(int i) {
            return items[start + i];
        }
    }

    /** A copy of the elements as a plain Object[] of length {@link #size()}. */
    public Object[] toArray() {
        return Arrays.copyOfRange(items, head, head + size);
    }

    public DusoArray shallowCopy() {
        return wrap(toArray());
    }

    /** A live List view (reads and writes go to this array). */
    public List<Object> asList() {
        return new View();
    }

    private final class View extends AbstractList<Object> implements RandomAccess {
        @Override
        public Object get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return items[head + index];
        }

        @Override
        public Object set(int index, Object element) {
            Object old = get(index);
            items[head + index] = element;
            return old;
        }

        @Override
        public boolean add(Object o) {
            DusoArray.this.add(o);
            return true;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
