package duso.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files under a {@code static(prefix, dir)} route. The request path (already cleaned, so it
 * cannot climb with "..") minus the route's prefix names a file in the directory; a
 * directory is answered by its first default document, else a listing when
 * {@code directory = true}, else 404. Anything resolving outside the directory is 404 too.
 */
final class StaticFiles {
    private StaticFiles() {}

    static ResponseSpec serve(Route route, String requestPath, ServerConfig cfg) {
        String relative = relativePath(route.path(), requestPath);
        if (relative == null) {
            return ResponseSpec.notFound();
        }
        Path root = route.staticDir();
        Path full;
        try {
            full = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return ResponseSpec.notFound();
        }
        if (!full.startsWith(root)) {
            return ResponseSpec.notFound();
        }
        if (Files.isRegularFile(full)) {
            return file(full, cfg);
        }
        if (!Files.isDirectory(full)) {
            return ResponseSpec.notFound();
        }
        for (String name : cfg.defaultFiles) {
            Path candidate = full.resolve(name).normalize();
            if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
                return file(candidate, cfg);
            }
        }
        if (cfg.directoryListing) {
            return listing(full, requestPath, cfg);
        }
        return ResponseSpec.notFound();
    }

    /** The part of the request path inside the directory, without a leading slash; null if outside. */
    static String relativePath(String routePath, String requestPath) {
        String rest;
        if (routePath.endsWith("*")) {
            String prefix = routePath.substring(0, routePath.length() - 1);
            if (!requestPath.startsWith(prefix)) {
                return null;
            }
            rest = requestPath.substring(prefix.length());
        } else if (routePath.equals("/")) {
            rest = requestPath;
        } else {
            if (!requestPath.startsWith(routePath)) {
                return null;
            }
            rest = requestPath.substring(routePath.length());
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return rest;
    }

    private static ResponseSpec file(Path path, ServerConfig cfg) {
        ResponseSpec r = new ResponseSpec(200);
        if (!cfg.staticCacheControl.isEmpty()) {
            r.set("Cache-Control", cfg.staticCacheControl);
        }
        r.set("Content-Type", MediaTypes.forServedFile(path.getFileName().toString()));
        try {
            r.fileSize = Files.size(path);
        } catch (IOException e) {
            return ResponseSpec.notFound();
        }
        r.file = path;
        return r;
    }

    private static ResponseSpec listing(Path dir, String requestPath, ServerConfig cfg) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        } catch (IOException e) {
            return ResponseSpec.notFound();
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        StringBuilder html = new StringBuilder("<pre>Directory: ").append(requestPath.replace("<", "&lt;"))
                .append("\n\n");
        String base = requestPath.endsWith("/") ? requestPath : requestPath + "/";
        for (Path e : entries) {
            String name = e.getFileName().toString();
            String href = base + name + (Files.isDirectory(e) ? "/" : "");
            html.append("<a href=\"").append(href).append("\">").append(name).append("</a>\n");
        }
        html.append("</pre>");
        ResponseSpec r = new ResponseSpec(200).set("Content-Type", "text/html; charset=utf-8");
        if (!cfg.staticCacheControl.isEmpty()) {
            r.set("Cache-Control", cfg.staticCacheControl);
        }
        return r.body(html.toString());
    }
}
