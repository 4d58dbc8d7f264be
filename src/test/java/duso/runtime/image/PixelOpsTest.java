package duso.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Pixel arithmetic checked against values worked out independently from the reference's Go
 * formulas (src/test/duso/image/support/make_fixtures.py has the same formulas), for the
 * translucent cases the golden scripts' colour strip does not cover.
 */
class PixelOpsTest {
    private static Pixels one(int a, int r, int g, int b) {
        return new Pixels(1, 1, new int[] {GoColor.argb(a, r, g, b)}, false);
    }

    private static void assertPixel(int a, int r, int g, int b, int actual) {
        assertEquals(String.format("%d,%d,%d,%d", r, g, b, a),
                String.format("%d,%d,%d,%d", (actual >> 16) & 0xff, (actual >> 8) & 0xff, actual & 0xff, actual >>> 24));
    }

    @Test
    void grayscaleOfATranslucentPixelIsUnpremultipliedAgainAndWraps() {
        assertPixel(100, 253, 253, 253, PixelOps.grayscale(one(100, 200, 200, 200)).at(0, 0));
        assertPixel(100, 122, 122, 122, PixelOps.grayscale(one(100, 150, 150, 150)).at(0, 0));
        assertPixel(255, 54, 54, 54, PixelOps.grayscale(one(255, 30, 60, 90)).at(0, 0));
    }

    @Test
    void rotationRoundTripsTranslucentPixelsThroughEightBitPremultiplication() {
        assertPixel(77, 99, 49, 23, PixelOps.rotate(one(77, 100, 50, 25), 1).at(0, 0));
        assertPixel(255, 100, 50, 25, PixelOps.rotate(one(255, 100, 50, 25), 2).at(0, 0));
    }

    @Test
    void opacityKeepsThePremultipliedColour() {
        assertPixel(76, 30, 15, 7, PixelOps.setOpacity(one(77, 100, 50, 25), 0.3).at(0, 0));
        assertPixel(23, 30, 15, 7, PixelOps.adjustOpacity(one(77, 100, 50, 25), 0.3).at(0, 0));
    }

    @Test
    void compositeMatchesTheReferenceFloatArithmetic() {
        Pixels base = one(90, 10, 200, 30);
        Pixels over = one(170, 250, 100, 5);
        assertPixel(200, 213, 115, 8, Compositor.composite(base, over, 0, 0, Compositor.Blend.OVER).at(0, 0));
        assertPixel(200, 167, 118, 13, Compositor.composite(base, over, 0, 0, Compositor.Blend.SCREEN).at(0, 0));
    }

    @Test
    void quarterTurnsAreClockwise() {
        // 3x2: a b c / d e f  turned once is  d a / e b / f c
        int a = 0xff000001, b = 0xff000002, c = 0xff000003, d = 0xff000004, e = 0xff000005, f = 0xff000006;
        Pixels p = new Pixels(3, 2, new int[] {a, b, c, d, e, f}, false);
        Pixels r = PixelOps.rotate(p, 1);
        assertEquals(2, r.width());
        assertEquals(3, r.height());
        assertArrayEquals(new int[] {d, a, e, b, f, c}, r.argb);
        assertArrayEquals(new int[] {f, e, d, c, b, a}, PixelOps.rotate(p, 2).argb);
        assertArrayEquals(new int[] {c, f, b, e, a, d}, PixelOps.rotate(p, 3).argb);
    }

    @Test
    void nearestNeighbourUsesIntegerSourceMapping() {
        Pixels p = new Pixels(3, 1, new int[] {1, 2, 3}, false);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3}, PixelOps.scale(p, 5, 1).argb); // x*3/5: 0 0 1 1 2
        assertArrayEquals(new int[] {1, 2}, PixelOps.scale(p, 2, 1).argb); // x*3/2: 0 1
    }
}
