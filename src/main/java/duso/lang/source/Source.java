package duso.lang.source;

import java.nio.charset.StandardCharsets;

/**
 * One unit of Duso source text and the name errors show for it.
 *
 * <p>The reference lexer walks UTF-8 bytes, so columns are byte offsets; the lexer works on
 * {@link #bytes()} and every position in the system is (line, byte column) as the reference
 * prints it. {@code displayName} is what error messages print ("t.du", "&lt;inline&gt;",
 * "&lt;dynamic&gt;", "&lt;stdin&gt;"); {@code path} is the file it came from, or null.
 */
public final class Source {
    private final String displayName;
    private final String path;
    private final String text;
    private byte[] bytes;

    public Source(String displayName, String path, String text) {
        this.displayName = displayName;
        this.path = path;
        this.text = text;
    }

    public static Source of(String displayName, String text) {
        return new Source(displayName, null, text);
    }

    public String displayName() {
        return displayName;
    }

    /** The file this source was read from, or null for code that never lived in a file. */
    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            b = text.getBytes(StandardCharsets.UTF_8);
            bytes = b;
        }
        return b;
    }

    public Source withDisplayName(String name) {
        Source s = new Source(name, path, text);
        s.bytes = bytes;
        return s;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
