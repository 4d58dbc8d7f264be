package duso.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.values.DusoArray;
import duso.lang.values.Render;
import duso.runtime.Datastores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime-side view of the stores: host writes reach scripts, also on read-only namespaces. */
class HostAccessTest {
    @TempDir
    Path dir;

    @Test
    void hostWritesAreSeenByScriptsEvenOnReadOnlyNamespaces() {
        StoreFixture f = new StoreFixture(dir);
        Datastores ds = Datastores.of(f.runtime);
        ds.set("duso_schedule", "job", DusoArray.of("every", 5.0));
        assertEquals(1.0, ds.push("io", "queue", "line"));
        assertEquals("[\"every\", 5]", Render.syntax(f.open("duso_schedule").get("job")));
        assertTrue(f.open("duso_schedule").isReadonly());
        assertTrue(ds.exists("io", "queue"));
        assertEquals("[\"queue\"]", Render.syntax(ds.keys("io")));
        assertEquals("[\"line\"]", Render.syntax(ds.delete("io", "queue")));
    }
}
