package duso.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the file behind {@code require(name)} and {@code include(name)}, in the reference's
 * order: an absolute or {@code ~} name as given; then for each base directory (the entry
 * script's directory, each {@code -lib-path} and {@code DUSO_LIB} entry, the built-in
 * stdlib and contrib) the name itself, then under {@code stdlib/} and {@code contrib/}; each
 * candidate tried as {@code NAME}, {@code NAME.du} and {@code NAME/BASENAME.du}. A miss
 * lists every path it probed. Under {@code -no-files} disk candidates are not looked at.
 */
public final class ModuleResolver {
    private final DusoRuntime runtime;
    private final HostFiles files;

    public ModuleResolver(DusoRuntime runtime) {
        this.runtime = runtime;
        this.files = HostFiles.of(runtime);
    }

    /** The resolved path of the module (in the form messages show), or an error listing the search. */
    public String resolve(String name) {
        List<String> searched = new ArrayList<>();
        if (GoPaths.isAbsolute(name) || name.startsWith("~")) {
            String found = tryVariants(expandHome(name), searched);
            if (found != null) {
                return found;
            }
        }
        for (String dir : searchDirs()) {
            if (dir.isEmpty()) {
                continue;
            }
            String base = expandHome(dir);
            for (String sub : new String[] {"", "stdlib", "contrib"}) {
                String found = tryVariants(GoPaths.join(base, sub, name), searched);
                if (found != null) {
                    return found;
                }
            }
        }
        throw Args.error("cannot find module '" + name + "'\nSearched:\n  " + String.join("\n  ", searched));
    }

    /** Base directories in search order. */
    private List<String> searchDirs() {
        List<String> dirs = new ArrayList<>();
        String appDir = runtime.appDir();
        dirs.add(appDir.isEmpty() ? "." : appDir);
        Object flag = runtime.sys().get("-lib-path");
        if (flag instanceof String s && !s.isEmpty()) {
            dirs.addAll(List.of(s.replace('\\', '/').split(":", -1)));
        }
        String env = System.getenv("DUSO_LIB");
        if (env != null && !env.isEmpty()) {
            dirs.addAll(List.of(env.replace('\\', '/').split(":", -1)));
        }
        dirs.add("/EMBED/stdlib");
        dirs.add("/EMBED/contrib");
        return dirs;
    }

    /** NAME, NAME.du, NAME/BASE.du: the first that is a file. */
    private String tryVariants(String path, List<String> searched) {
        if (isFile(path, searched)) {
            return path;
        }
        if (!path.endsWith(".du")) {
            if (isFile(path + ".du", searched)) {
                return path + ".du";
            }
            String nested = GoPaths.join(path, GoPaths.base(path) + ".du");
            if (isFile(nested, searched)) {
                return nested;
            }
        }
        return null;
    }

    private boolean isFile(String path, List<String> searched) {
        HostFiles.Target t = files.at(path);
        if (!files.allowed(t)) {
            return false;
        }
        searched.add(path);
        return files.isFile(t);
    }

    private static String expandHome(String path) {
        if (!path.startsWith("~")) {
            return path;
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isEmpty()) {
            return path;
        }
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return GoPaths.join(home, path.substring(2));
        }
        return path;
    }
}
