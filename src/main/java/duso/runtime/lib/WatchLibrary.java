package duso.runtime.lib;

import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * {@code watch(path [, timeout])}, the file watcher the CLI installs. Only the name is
 * registered here; {@link FileWatch} is loaded when a script first watches something.
 */
public final class WatchLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("watch", a -> FileWatch.watch(a, rt));
    }
}
