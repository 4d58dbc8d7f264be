package duso.runtime.json;

/**
 * JSON as the reference runtime writes and reads it, for every part of the runtime that speaks
 * JSON (format_json/parse_json, HTTP bodies, JWT payloads, datastore tools).
 *
 * <p>Output is byte-compatible with Go's {@code encoding/json}: object keys sorted by UTF-8 byte
 * order, {@code < > &} and U+2028/U+2029 escaped, numbers in its format. Input follows the
 * reference's own strict decoder, including its error messages with UTF-8 byte offsets. Both
 * work directly on script values (no intermediate tree) and bound nesting at
 * {@link #MAX_DEPTH} levels, so a value that contains itself is an error, not a stack overflow.
 */
public final class Json {
    /** Deepest nesting either direction accepts (the reference's limit). */
    public static final int MAX_DEPTH = 512;

    private Json() {}

    /** Compact JSON text of a script value. */
    public static String format(Object value) {
        return JsonWriter.write(value, "");
    }

    /**
     * JSON text of a script value; a non-empty {@code indent} is repeated once per nesting level
     * on its own line, as Go's {@code MarshalIndent(v, "", indent)} does.
     *
     * @throws JsonException for NaN, infinities and values nested more than 512 levels deep
     */
    public static String format(Object value, String indent) {
        return JsonWriter.write(value, indent);
    }

    /**
     * The script value a JSON text denotes: objects, arrays, strings, numbers (always doubles),
     * booleans and nil.
     *
     * @throws JsonException with the reference's message when the text is not valid JSON
     */
    public static Object parse(String text) {
        return JsonReader.read(text);
    }
}
