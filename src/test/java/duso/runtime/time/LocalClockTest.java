package duso.runtime.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local zone decided as Go decides it, and only UTC answered without java.time. */
class LocalClockTest {
    @Test
    void tzNamesUtcOrNothing() {
        Path none = Path.of("/nonexistent/localtime");
        assertTrue(LocalClock.localIsUtc("", none));
        assertTrue(LocalClock.localIsUtc("UTC", none));
        assertTrue(LocalClock.localIsUtc(":UTC", none));
        assertTrue(LocalClock.localIsUtc("Etc/UTC", none));
        assertTrue(LocalClock.localIsUtc("Zulu", none));
        assertFalse(LocalClock.localIsUtc("Europe/Paris", none));
        assertFalse(LocalClock.localIsUtc("UTC0", none)); // a POSIX rule: left to java.time
        assertFalse(LocalClock.localIsUtc("America/UTCx", none));
    }

    @Test
    void withoutTzTheLocaltimeLinkDecides(@TempDir Path dir) throws Exception {
        // (links into the temporary directory, which need not exist: only their text is read)
        Path utc = Files.createSymbolicLink(dir.resolve("utc"), dir.resolve("usr/share/zoneinfo/Etc/UTC"));
        Path relative = Files.createSymbolicLink(dir.resolve("rel"), Path.of("usr/share/zoneinfo/Universal"));
        Path paris = Files.createSymbolicLink(dir.resolve("paris"), dir.resolve("usr/share/zoneinfo/Europe/Paris"));
        Path copied = Files.writeString(dir.resolve("copied"), "TZif2");
        assertTrue(LocalClock.localIsUtc(null, utc));
        assertTrue(LocalClock.localIsUtc(null, relative));
        assertFalse(LocalClock.localIsUtc(null, paris));
        assertFalse(LocalClock.localIsUtc(null, copied)); // a copy of a zone file: java.time reads it
        assertTrue(LocalClock.localIsUtc(null, dir.resolve("missing"))); // Go falls back to UTC
    }

    @Test
    void utcAliasesAreRecognisedOnlyAsWholeNames() {
        assertTrue(LocalClock.isUtcName("/usr/share/zoneinfo/UTC"));
        assertTrue(LocalClock.isUtcName("/usr/share/zoneinfo/Etc/GMT+0"));
        assertFalse(LocalClock.isUtcName("/usr/share/zoneinfo/Etc/GMT+5"));
        assertFalse(LocalClock.isUtcName("/usr/share/zoneinfo/America/Zulu"));
    }
}
