package duso.runtime.time;

import duso.runtime.ByteText;

/**
 * Go's {@code time.Parse(layout, value)}: the instant as Unix seconds, or a {@link Failure}
 * carrying Go's exact error text ({@code parsing time "x" as "2006-01-02": cannot parse "x"
 * as "2006"}).
 *
 * <p>Go walks both strings as bytes; so does this class, on strings holding one char per
 * UTF-8 byte, converted back only for messages. A zone abbreviation other than "UTC" is taken
 * as offset zero, as Go does for names its local zone (UTC on a server) does not know.
 */
public final class GoTimeParse {
    private GoTimeParse() {}

    /** A value that does not match its layout, with Go's message. */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    public static long parse(String layoutText, String valueText) throws Failure {
        String layout = ByteText.toBytes(layoutText);
        String value = ByteText.toBytes(valueText);
        return new TimeParser(layout, value).run();
    }

    /** Go's quote() for time errors: printable ASCII kept, every other byte as \xNN. */
    static String quote(String byteString) {
        StringBuilder b = new StringBuilder(byteString.length() + 2).append('"');
        for (int i = 0; i < byteString.length(); i++) {
            char c = byteString.charAt(i);
            if (c >= 0x80 || c < ' ') {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
