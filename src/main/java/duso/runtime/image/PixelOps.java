package duso.runtime.image;

/**
 * The reference's geometric transforms and colour adjustments, pixel for pixel: nearest-
 * neighbour scaling with its integer source mapping, crops clipped to the image, quarter
 * turns clockwise, mirrors, the luminance grayscale and the two opacity rules. Where the
 * reference detours through Go's premultiplied colours, so do these (see {@link GoColor}),
 * which is why grayscale and opacity darken or wrap translucent pixels exactly as it does.
 */
public final class PixelOps {
    private PixelOps() {}

    /** Nearest-neighbour resampling: destination (x, y) reads source (x*w/dw, y*h/dh). */
    public static Pixels scale(Pixels src, int width, int height) {
        Pixels dst = Pixels.blank(width, height);
        for (int y = 0; y < height; y++) {
            int row = (int) ((long) y * src.height / height) * src.width;
            for (int x = 0; x < width; x++) {
                dst.argb[y * width + x] = src.argb[row + (int) ((long) x * src.width / width)];
            }
        }
        return dst;
    }

    /** The part of the image inside the rectangle, which the caller has clipped to it. */
    public static Pixels crop(Pixels src, int x0, int y0, int width, int height) {
        Pixels dst = Pixels.blank(width, height);
        for (int y = 0; y < height; y++) {
            System.arraycopy(src.argb, (y0 + y) * src.width + x0, dst.argb, y * width, width);
        }
        return dst;
    }

    /**
     * Quarter turns clockwise. The reference then draws the result into a premultiplied image
     * before encoding, so translucent pixels come back through 8-bit premultiplication.
     */
    public static Pixels rotate(Pixels src, int quarterTurns) {
        Pixels out = src;
        for (int i = 0; i < quarterTurns; i++) {
            out = quarterTurn(out);
        }
        int[] p = out.argb;
        for (int i = 0; i < p.length; i++) {
            int a = p[i] >>> 24;
            if (a != 0xff) {
                p[i] = GoColor.argb(a,
                        GoColor.unpremultiply8(GoColor.premultiplied8((p[i] >> 16) & 0xff, a), a),
                        GoColor.unpremultiply8(GoColor.premultiplied8((p[i] >> 8) & 0xff, a), a),
                        GoColor.unpremultiply8(GoColor.premultiplied8(p[i] & 0xff, a), a));
            }
        }
        return out;
    }

    private static Pixels quarterTurn(Pixels src) {
        int w = src.width;
        int h = src.height;
        Pixels dst = Pixels.blank(h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dst.argb[x * h + (h - 1 - y)] = src.argb[y * w + x];
            }
        }
        return dst;
    }

    /** Left-right mirror. */
    public static Pixels flipX(Pixels src) {
        int w = src.width;
        Pixels dst = Pixels.blank(w, src.height);
        for (int y = 0; y < src.height; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                dst.argb[row + w - 1 - x] = src.argb[row + x];
            }
        }
        return dst;
    }

    /** Top-bottom mirror. */
    public static Pixels flipY(Pixels src) {
        int w = src.width;
        Pixels dst = Pixels.blank(w, src.height);
        for (int y = 0; y < src.height; y++) {
            System.arraycopy(src.argb, y * w, dst.argb, (src.height - 1 - y) * w, w);
        }
        return dst;
    }

    /**
     * Luminance 0.299 R + 0.587 G + 0.114 B of the un-premultiplied colour, keeping alpha. The
     * reference stores that grey as a premultiplied colour, so a translucent result is
     * un-premultiplied once more (and can wrap past 255), which is reproduced here.
     */
    public static Pixels grayscale(Pixels src) {
        Pixels dst = Pixels.blank(src.width, src.height);
        for (int i = 0; i < src.argb.length; i++) {
            int p = src.argb[i];
            int a = p >>> 24;
            int gray = 0;
            if (a != 0) {
                long a16 = a * 0x101L;
                int r = (int) (GoColor.premultiplied16((p >> 16) & 0xff, a) * 255 / a16);
                int g = (int) (GoColor.premultiplied16((p >> 8) & 0xff, a) * 255 / a16);
                int b = (int) (GoColor.premultiplied16(p & 0xff, a) * 255 / a16);
                gray = GoColor.unpremultiply8((int) (r * 0.299 + g * 0.587 + b * 0.114) & 0xff, a);
            }
            dst.argb[i] = GoColor.argb(a, gray, gray, gray);
        }
        return dst;
    }

    /** Every pixel gets this alpha; colour channels are the premultiplied ones, as in the reference. */
    public static Pixels setOpacity(Pixels src, double opacity) {
        int alpha = (int) (opacity * 255);
        Pixels dst = Pixels.blank(src.width, src.height);
        for (int i = 0; i < src.argb.length; i++) {
            dst.argb[i] = alpha << 24 | (GoColor.overBlack(src.argb[i]) & 0xffffff);
        }
        return dst;
    }

    /** Every pixel's alpha times the factor (truncated); colour channels premultiplied. */
    public static Pixels adjustOpacity(Pixels src, double opacity) {
        Pixels dst = Pixels.blank(src.width, src.height);
        for (int i = 0; i < src.argb.length; i++) {
            int p = src.argb[i];
            int alpha = (int) ((p >>> 24) * opacity);
            dst.argb[i] = alpha << 24 | (GoColor.overBlack(p) & 0xffffff);
        }
        return dst;
    }
}
