package duso.runtime.image;

/**
 * The integer colour arithmetic of Go's image/color package, which the reference's transforms
 * go through whenever they read a pixel with {@code At(x, y).RGBA()} (16-bit, premultiplied)
 * or store a premultiplied colour into a non-premultiplied image. Doing the same integer steps
 * gives the same pixels, including the reference's rounding and its occasional overflow.
 */
final class GoColor {
    private GoColor() {}

    /** Go's {@code NRGBA.RGBA()} for one channel: the 16-bit premultiplied value. */
    static long premultiplied16(int channel, int alpha) {
        return (channel * 0x101L) * (alpha * 0x101L) / 0xffff;
    }

    /** The same channel premultiplied and cut to 8 bits, as Go's draw into an RGBA image stores it. */
    static int premultiplied8(int channel, int alpha) {
        return (int) (channel * (alpha * 0x101L) / 0xff >> 8);
    }

    /**
     * Go's {@code NRGBAModel.Convert} of an 8-bit premultiplied channel: undoes the alpha,
     * truncating to 8 bits the way {@code uint8(...)} does (a channel larger than its alpha wraps).
     */
    static int unpremultiply8(int channel, int alpha) {
        if (alpha == 0xff) {
            return channel;
        }
        if (alpha == 0) {
            return 0;
        }
        long v = (channel * 0x101L) * 0xffff / (alpha * 0x101L);
        return (int) (v >> 8) & 0xff;
    }

    /** An opaque-looking pixel: each channel premultiplied by alpha (composited over black). */
    static int overBlack(int p) {
        int a = p >>> 24;
        if (a == 0xff) {
            return p;
        }
        int r = (int) (premultiplied16((p >> 16) & 0xff, a) >> 8);
        int g = (int) (premultiplied16((p >> 8) & 0xff, a) >> 8);
        int b = (int) (premultiplied16(p & 0xff, a) >> 8);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    static int argb(int a, int r, int g, int b) {
        return a << 24 | r << 16 | g << 8 | b;
    }
}
