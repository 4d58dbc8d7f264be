package duso.runtime.image;

/**
 * A decoded image as the reference's transforms see it: 8-bit non-premultiplied RGBA (Go's
 * NRGBA), one {@code 0xAARRGGBB} int per pixel, rows top to bottom. Plain ints keep every
 * transform a loop over an array, with no colour-model dispatch per pixel.
 *
 * <p>{@code paletted} is true only for an image straight from a GIF or palette PNG decoder:
 * the reference re-encodes such an image with its own palette (keeping GIF transparency) when
 * convert_image passes it through untouched, while every transform makes a true-colour image.
 */
public final class Pixels {
    final int width;
    final int height;
    final int[] argb;
    final boolean paletted;

    Pixels(int width, int height, int[] argb, boolean paletted) {
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.paletted = paletted;
    }

    /** A blank (transparent black) true-colour image. */
    static Pixels blank(int width, int height) {
        return new Pixels(width, height, new int[Math.multiplyExact(width, height)], false);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel at (x, y) as 0xAARRGGBB, non-premultiplied. */
    public int at(int x, int y) {
        return argb[y * width + x];
    }

    boolean opaque() {
        for (int p : argb) {
            if (p >>> 24 != 0xff) {
                return false;
            }
        }
        return true;
    }
}
