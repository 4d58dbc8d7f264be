package duso.lang.values;

import com.google.re2j.Pattern;

/** A compiled RE2 pattern and its source text (what {@code ~…~} and toregex() produce). */
public record RegexValue(String pattern, Pattern compiled) {}
