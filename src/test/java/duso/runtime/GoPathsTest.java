package duso.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Path strings as Go's path package computes them, which messages and results show. */
class GoPathsTest {
    @Test
    void cleanFoldsDotsAndSlashes() {
        assertEquals(".", GoPaths.clean(""));
        assertEquals("a/c", GoPaths.clean("a//b/../c/."));
        assertEquals("../x", GoPaths.clean("./../x"));
        assertEquals("/", GoPaths.clean("/.."));
        assertEquals("/a", GoPaths.clean("/../a/"));
    }

    @Test
    void joinDirAndBase() {
        assertEquals("mod.du", GoPaths.join(".", "mod.du"));
        assertEquals("lib/stdlib/x", GoPaths.join("lib", "stdlib", "x"));
        assertEquals("lib/x", GoPaths.join("lib", "", "x"));
        assertEquals("", GoPaths.join("", ""));
        assertEquals(".", GoPaths.dir("main.du"));
        assertEquals("sub", GoPaths.dir("sub/main.du"));
        assertEquals("/", GoPaths.dir("/main.du"));
        assertEquals("c", GoPaths.base("a/b/c/"));
        assertEquals("/", GoPaths.base("///"));
    }

    @Test
    void relFollowsTheReferenceAlgorithm() {
        assertEquals("a.du", GoPaths.rel("sub", "sub/a.du"));
        assertEquals("../b/c", GoPaths.rel("a", "b/c"));
        assertEquals("../a.du", GoPaths.rel(".", "a.du")); // the reference's own quirk
        assertEquals("/abs", GoPaths.rel("rel", "/abs"));
        assertNull(GoPaths.rel("/abs", "rel"));
    }

    @Test
    void matchLikeGo() throws GoPaths.BadPatternException {
        assertTrue(GoPaths.match("*.du", "main.du"));
        assertFalse(GoPaths.match("*.du", "dir/main.du"));
        assertTrue(GoPaths.match("a?c", "abc"));
        assertFalse(GoPaths.match("a?c", "a/c"));
        assertTrue(GoPaths.match("[a-c]x", "bx"));
        assertFalse(GoPaths.match("[^a-c]x", "bx"));
        assertTrue(GoPaths.match("\\*", "*"));
        assertTrue(GoPaths.match("*", ".hidden"));
        assertTrue(GoPaths.match("a*b*c", "axxbyyc"));
        assertTrue(GoPaths.match("é?", "éü"));
        assertThrows(GoPaths.BadPatternException.class, () -> GoPaths.match("[", "x"));
        assertThrows(GoPaths.BadPatternException.class, () -> GoPaths.match("x[", "y"));
        assertThrows(GoPaths.BadPatternException.class, () -> GoPaths.match("a\\", "a"));
    }
}
