package duso.runtime.image;

import duso.lang.values.BinaryValue;
import duso.runtime.Args;

/**
 * One entry per image builtin, taking checked arguments: decode the binary value, apply the
 * transform, encode the result in the source's format (or the requested one) with fresh
 * width/height/format/content_type metadata. The size arithmetic of scale and crop (float
 * scale factors truncated to ints, the centred crop of "fill", clipping to the image) is the
 * reference's, so result dimensions agree with it exactly.
 */
public final class Images {
    private Images() {}

    /** load_image: adds the image metadata when the bytes decode, else leaves the value as it is. */
    public static BinaryValue describe(BinaryValue bin) {
        ImageCodec.describe(bin.data(), bin.metadata());
        return bin;
    }

    public static BinaryValue scale(String fn, BinaryValue bin, double maxX, double maxY, String mode) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        double w = d.pixels().width;
        double h = d.pixels().height;
        long width;
        long height;
        if (mode.equals("stretch")) {
            width = (long) maxX;
            height = (long) maxY;
        } else {
            double sx = maxX / w;
            double sy = maxY / h;
            double s = mode.equals("fit") ? (sy < sx ? sy : sx) : (sy > sx ? sy : sx);
            width = (long) (w * s);
            height = (long) (h * s);
        }
        checkSize(fn, width, height);
        Pixels out = PixelOps.scale(d.pixels(), (int) width, (int) height);
        long boxW = (long) maxX;
        long boxH = (long) maxY;
        if (mode.equals("fill") && (width > boxW || height > boxH)) {
            long x0 = (width - boxW) / 2;
            long y0 = (height - boxH) / 2;
            Pixels centre = clip(out, x0, y0, x0 + boxW, y0 + boxH);
            out = centre != null ? centre : Pixels.blank(0, 0); // Go's empty intersection is 0x0
        }
        return encode(fn, out, d.format());
    }

    public static BinaryValue crop(String fn, BinaryValue bin, double x, double y, double width, double height) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        Pixels out = clip(d.pixels(), (long) x, (long) y, (long) (x + width), (long) (y + height));
        if (out == null) {
            throw Args.error(fn + "() crop region outside image bounds");
        }
        return encode(fn, out, d.format());
    }

    /** The target name is lower-cased; it is checked before the image is decoded. */
    public static BinaryValue convert(String fn, BinaryValue bin, String target) {
        ImageFormat format = ImageFormat.named(target);
        if (format == null) {
            throw Args.error(fn + "() unsupported format '" + target + "': use 'png', 'jpeg', or 'gif'");
        }
        return encode(fn, decode(fn, bin, "").pixels(), format);
    }

    public static BinaryValue rotate(String fn, BinaryValue bin, int quarterTurns) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        return encode(fn, PixelOps.rotate(d.pixels(), quarterTurns), d.format());
    }

    public static BinaryValue flipX(String fn, BinaryValue bin) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        return encode(fn, PixelOps.flipX(d.pixels()), d.format());
    }

    public static BinaryValue flipY(String fn, BinaryValue bin) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        return encode(fn, PixelOps.flipY(d.pixels()), d.format());
    }

    public static BinaryValue grayscale(String fn, BinaryValue bin) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        return encode(fn, PixelOps.grayscale(d.pixels()), d.format());
    }

    public static BinaryValue setOpacity(String fn, BinaryValue bin, double opacity) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        return encode(fn, PixelOps.setOpacity(d.pixels(), opacity), d.format());
    }

    public static BinaryValue adjustOpacity(String fn, BinaryValue bin, double opacity) {
        ImageCodec.Decoded d = decode(fn, bin, "");
        return encode(fn, PixelOps.adjustOpacity(d.pixels(), opacity), d.format());
    }

    /** Both images are decoded before the blend name is checked, as in the reference. */
    public static BinaryValue composite(String fn, BinaryValue base, BinaryValue overlay, double x, double y,
            String blendName) {
        ImageCodec.Decoded b = decode(fn, base, " base:");
        ImageCodec.Decoded o = decode(fn, overlay, " overlay:");
        Compositor.Blend blend = Compositor.blend(blendName);
        if (blend == null) {
            throw Args.error(fn + "() invalid blend mode '" + blendName
                    + "': use 'over', 'multiply', 'add', or 'screen'");
        }
        Pixels out = Compositor.composite(b.pixels(), o.pixels(), saturate((long) x), saturate((long) y), blend);
        return encode(fn, out, b.format());
    }

    // ---- shared steps --------------------------------------------------------------------------

    private static ImageCodec.Decoded decode(String fn, BinaryValue bin, String which) {
        ImageCodec.Decoded d = ImageCodec.decode(bin.data());
        if (d == null) {
            throw Args.error(fn + "()" + which + " failed to decode image: unsupported format");
        }
        return d;
    }

    private static BinaryValue encode(String fn, Pixels p, ImageFormat format) {
        try {
            return ImageCodec.toBinary(p, format);
        } catch (ImageCodec.EncodeFailure e) {
            throw Args.error(fn + "() encode failed: " + e.getMessage());
        }
    }

    /**
     * The part of the image inside [x0, x1) x [y0, y1), or null when they do not meet. An
     * empty result size reaches the encoder, which refuses it in the reference's words.
     */
    private static Pixels clip(Pixels p, long x0, long y0, long x1, long y1) {
        long left = Math.max(Math.min(x0, x1), 0);
        long top = Math.max(Math.min(y0, y1), 0);
        long right = Math.min(Math.max(x0, x1), p.width);
        long bottom = Math.min(Math.max(y0, y1), p.height);
        if (left >= right || top >= bottom) {
            return null;
        }
        if (left == 0 && top == 0 && right == p.width && bottom == p.height) {
            return new Pixels(p.width, p.height, p.argb, false);
        }
        return PixelOps.crop(p, (int) left, (int) top, (int) (right - left), (int) (bottom - top));
    }

    /** A scaled size the pixel array can hold; larger (or negative) sizes are refused up front. */
    private static void checkSize(String fn, long width, long height) {
        if (width < 0 || height < 0 || width * height > Integer.MAX_VALUE - 8 || width > Integer.MAX_VALUE
                || height > Integer.MAX_VALUE) {
            throw Args.error(fn + "() encode failed: image too large: " + width + "x" + height);
        }
    }

    private static int saturate(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
