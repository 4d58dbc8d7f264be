package duso.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replacing a file so that a crash leaves either the old or the new contents, never a mix:
 * write a randomly named temp file in the same directory, fsync it, rename it over the
 * target, fsync the directory. Symlinks are followed first, so a store pointed at another
 * volume through a link keeps writing there (and the rename stays on one filesystem).
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** The file a path really names: symlinks followed (up to 16), dangling ones kept as they are. */
    static Path target(Path p) {
        for (int i = 0; i < 16; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            try {
                Path link = Files.readSymbolicLink(p);
                p = link.isAbsolute() ? link : p.toAbsolutePath().getParent().resolve(link).normalize();
            } catch (IOException e) {
                return p;
            }
        }
        return p;
    }

    static void write(Path path, byte[] data, int length) throws IOException {
        Path file = target(path.toAbsolutePath());
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".tmp-", "");
        try {
            // A stream rather than a channel: an interrupted caller must not abort the write half way.
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(data, 0, length);
                out.getFD().sync();
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX filesystem: keep the default mode
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Makes a rename in {@code dir} durable; best effort where directories cannot be synced. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // a filesystem that will not sync a directory is still better off
        }
    }
}
