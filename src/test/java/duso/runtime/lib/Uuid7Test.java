package duso.runtime.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** uuid() layout (RFC 9562 version 7): the timestamp first, then the version and variant bits over the random ones. */
class Uuid7Test {
    @Test
    void timestampVersionAndVariantOverTheRandomBytes() {
        byte[] random = new byte[10];
        java.util.Arrays.fill(random, (byte) 0xff);
        assertEquals("0189abcd-ef01-7fff-bfff-ffffffffffff", SystemLibrary.uuid7(0x0189abcdef01L, random));
        java.util.Arrays.fill(random, (byte) 0);
        assertEquals("00000000-0000-7000-8000-000000000000", SystemLibrary.uuid7(0, random));
    }

    @Test
    void freshIdsSortByCreation() throws Exception {
        String first = SystemLibrary.newUuid();
        Thread.sleep(2);
        String second = SystemLibrary.newUuid();
        assertTrue(first.compareTo(second) < 0, first + " then " + second);
        assertTrue(second.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), second);
    }
}
