package duso.runtime;

/** Process-wide switches from the command line. */
public record Options(boolean noFiles, boolean noStdin, boolean noColor) {
    public static final Options DEFAULT = new Options(false, false, false);
}
