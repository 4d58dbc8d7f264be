package duso.runtime;

import duso.runtime.exec.ExecAllowList;

/** Process-wide switches from the command line; {@code exec} is -allow-exec, resolved at startup. */
public record Options(boolean noFiles, boolean noStdin, boolean noColor, ExecAllowList exec) {
    public static final Options DEFAULT = new Options(false, false, false);

    public Options(boolean noFiles, boolean noStdin, boolean noColor) {
        this(noFiles, noStdin, noColor, ExecAllowList.DISABLED);
    }
}
