package duso.lang.values;

/**
 * Immutable bytes with a metadata object (filename, content_type, …) whose fields scripts read
 * as properties. The byte array is never modified after construction.
 */
public final class BinaryValue {
    private final byte[] data;
    private final DusoObject metadata;

    public BinaryValue(byte[] data, DusoObject metadata) {
        this.data = data;
        this.metadata = metadata == null ? new DusoObject() : metadata;
    }

    public BinaryValue(byte[] data) {
        this(data, new DusoObject());
    }

    /** The bytes; callers must not modify them. */
    public byte[] data() {
        return data;
    }

    public int length() {
        return data.length;
    }

    public DusoObject metadata() {
        return metadata;
    }
}
