package duso.runtime.image;

/**
 * composite_image's blending: the overlay's pixels laid onto a copy of the base at an offset,
 * clipped to the base. The arithmetic is the reference's, in the same floating-point order so
 * results agree to the bit: "over" is the usual non-premultiplied source-over, and multiply,
 * add and screen weigh the blended colour by both alphas (without dividing by the result's
 * alpha, as the reference does not).
 */
public final class Compositor {
    public enum Blend { OVER, MULTIPLY, ADD, SCREEN }

    private Compositor() {}

    /** The blend a (lower-cased) name selects, or null. */
    public static Blend blend(String name) {
        return switch (name) {
            case "over" -> Blend.OVER;
            case "multiply" -> Blend.MULTIPLY;
            case "add" -> Blend.ADD;
            case "screen" -> Blend.SCREEN;
            default -> null;
        };
    }

    public static Pixels composite(Pixels base, Pixels overlay, int offsetX, int offsetY, Blend blend) {
        Pixels out = new Pixels(base.width, base.height, base.argb.clone(), false);
        int x0 = Math.max(0, offsetX);
        int y0 = Math.max(0, offsetY);
        int x1 = (int) Math.min(base.width, (long) offsetX + overlay.width);
        int y1 = (int) Math.min(base.height, (long) offsetY + overlay.height);
        for (int dy = y0; dy < y1; dy++) {
            for (int dx = x0; dx < x1; dx++) {
                int i = dy * base.width + dx;
                out.argb[i] = mix(out.argb[i], overlay.argb[(dy - offsetY) * overlay.width + (dx - offsetX)], blend);
            }
        }
        return out;
    }

    private static int mix(int base, int over, Blend blend) {
        double br = ((base >> 16) & 0xff) / 255.0;
        double bg = ((base >> 8) & 0xff) / 255.0;
        double bb = (base & 0xff) / 255.0;
        double ba = (base >>> 24) / 255.0;
        double or = ((over >> 16) & 0xff) / 255.0;
        double og = ((over >> 8) & 0xff) / 255.0;
        double ob = (over & 0xff) / 255.0;
        double oa = (over >>> 24) / 255.0;

        double outA = oa + (1 - oa) * ba;
        double outR = 0;
        double outG = 0;
        double outB = 0;
        if (outA > 0) {
            switch (blend) {
                case OVER -> {
                    outR = (or * oa + br * ba * (1 - oa)) / outA;
                    outG = (og * oa + bg * ba * (1 - oa)) / outA;
                    outB = (ob * oa + bb * ba * (1 - oa)) / outA;
                }
                case MULTIPLY -> {
                    outR = weigh(br, br * or, or, ba, oa);
                    outG = weigh(bg, bg * og, og, ba, oa);
                    outB = weigh(bb, bb * ob, ob, ba, oa);
                }
                case ADD -> {
                    outR = weigh(br, Math.min(br + or, 1), or, ba, oa);
                    outG = weigh(bg, Math.min(bg + og, 1), og, ba, oa);
                    outB = weigh(bb, Math.min(bb + ob, 1), ob, ba, oa);
                }
                case SCREEN -> {
                    outR = weigh(br, 1 - (1 - br) * (1 - or), or, ba, oa);
                    outG = weigh(bg, 1 - (1 - bg) * (1 - og), og, ba, oa);
                    outB = weigh(bb, 1 - (1 - bb) * (1 - ob), ob, ba, oa);
                }
            }
        }
        return GoColor.argb(toByte(outA), toByte(outR), toByte(outG), toByte(outB));
    }

    /** Base where only the base shows, the blend where both do, the overlay where only it does. */
    private static double weigh(double base, double blended, double over, double ba, double oa) {
        return base * (1 - oa) * ba + blended * oa * ba + over * oa * (1 - ba);
    }

    /** Go's uint8(v * 255): truncation, wrapping like a byte. */
    private static int toByte(double v) {
        return (int) (v * 255) & 0xff;
    }
}
