package duso.lang.values;

/**
 * A caught error as a value: {@code message} is whatever was thrown (a string for runtime
 * errors, any value for {@code throw(v)}), {@code stack} the full positioned text.
 */
public record ErrorValue(Object message, String stack) {}
