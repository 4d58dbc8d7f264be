package duso.runtime.image;

import duso.lang.values.BinaryValue;
import duso.lang.values.DusoObject;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG, JPEG and GIF bytes to {@link Pixels} and back, through the JDK's ImageIO. This is the
 * only class that touches java.desktop, and it is loaded on the first image builtin call: its
 * static set-up makes AWT headless (no toolkit, no display) and keeps ImageIO off temp files.
 *
 * <p>Decoding reads raster samples directly instead of {@code getRGB}, so a grey or
 * ICC-tagged image keeps the sample values the reference's Go decoders give rather than a
 * colour-managed conversion. Encoding follows the reference's choices: PNG without alpha when
 * every pixel is opaque, JPEG at quality 85, and JPEG/GIF flattened onto black (Go writes the
 * premultiplied colour), GIF keeping transparency only for a palette image passed through.
 */
public final class ImageCodec {
    static {
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false);
    }

    private static final float JPEG_QUALITY = 0.85f;
    /** JPEG and GIF store dimensions in 16 bits; the reference's encoders refuse larger. */
    private static final int MAX_SIDE = 1 << 16;

    private ImageCodec() {}

    /** A decoded image and the format it was stored in. */
    public record Decoded(Pixels pixels, ImageFormat format) {}

    /** The image in these bytes, or null when they are not a PNG, JPEG or GIF this can read. */
    public static Decoded decode(byte[] data) {
        ImageFormat format = ImageFormat.sniff(data);
        if (format == null) {
            return null;
        }
        BufferedImage img = read(data, format);
        return img == null ? null : new Decoded(toPixels(img, format), format);
    }

    /**
     * Adds width, height, format and content_type to the metadata when the bytes decode (the
     * whole image is read, as the reference does, so a damaged one gets nothing); says whether.
     */
    public static boolean describe(byte[] data, DusoObject into) {
        ImageFormat format = ImageFormat.sniff(data);
        BufferedImage img = format == null ? null : read(data, format);
        if (img == null) {
            return false;
        }
        describe(into, img.getWidth(), img.getHeight(), format);
        return true;
    }

    /** The encoded image as a binary value with the reference's metadata. */
    public static BinaryValue toBinary(Pixels p, ImageFormat format) throws EncodeFailure {
        DusoObject meta = new DusoObject(4);
        describe(meta, p.width, p.height, format);
        return new BinaryValue(encode(p, format), meta);
    }

    private static void describe(DusoObject meta, int width, int height, ImageFormat format) {
        meta.put("width", (double) width);
        meta.put("height", (double) height);
        meta.put("format", format.label());
        meta.put("content_type", format.contentType());
    }

    /** Why an image could not be written, in the words of the reference's Go encoders. */
    public static final class EncodeFailure extends Exception {
        EncodeFailure(String message) {
            super(message, null, false, false);
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    private static BufferedImage read(byte[] data, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.label());
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            // ImageIO reads a cut-off JPEG with a warning (grey fill); Go's decoder refuses it
            boolean[] truncated = {false};
            reader.addIIOReadWarningListener((r, warning) ->
                    truncated[0] |= warning.contains("Premature end") || warning.contains("Missing EOI"));
            BufferedImage img = reader.read(0);
            return truncated[0] ? null : img;
        } catch (IOException | RuntimeException e) {
            return null; // corrupt data surfaces as assorted runtime exceptions from the readers
        } finally {
            reader.dispose();
        }
    }

    private static Pixels toPixels(BufferedImage img, ImageFormat format) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[Math.multiplyExact(w, h)];
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        if (cm instanceof IndexColorModel icm) {
            int[] palette = new int[256];
            icm.getRGBs(palette);
            if (format == ImageFormat.GIF && icm.getTransparentPixel() >= 0) {
                palette[icm.getTransparentPixel()] = 0; // Go's GIF decoder makes it transparent black
            }
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = palette[row[x] & 0xff];
                }
            }
            return new Pixels(w, h, out, true);
        }
        int colours = cm.getNumColorComponents();
        if (cm instanceof ComponentColorModel && !cm.isAlphaPremultiplied() && (colours == 1 || colours == 3)) {
            readComponents(raster, cm, colours, out);
        } else {
            img.getRGB(0, 0, w, h, out, 0, w);
        }
        return new Pixels(w, h, out, false);
    }

    /** Grey or RGB samples, with or without alpha, cut to 8 bits by dropping low bits as Go does. */
    private static void readComponents(Raster raster, ColorModel cm, int colours, int[] out) {
        int w = raster.getWidth();
        int bands = cm.getNumComponents();
        boolean alpha = cm.hasAlpha();
        int bits = cm.getComponentSize(0);
        int[] row = new int[w * bands];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                int r = to8(row[i], bits);
                int g = colours == 3 ? to8(row[i + 1], bits) : r;
                int b = colours == 3 ? to8(row[i + 2], bits) : r;
                int a = alpha ? to8(row[i + colours], bits) : 0xff;
                out[y * w + x] = GoColor.argb(a, r, g, b);
            }
        }
    }

    private static int to8(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        return bits > 8 ? sample >>> (bits - 8) : sample * 255 / ((1 << bits) - 1);
    }

    // ---- writing -------------------------------------------------------------------------------

    static byte[] encode(Pixels p, ImageFormat format) throws EncodeFailure {
        if (p.width <= 0 || p.height <= 0) {
            String size = p.width + "x" + p.height;
            throw new EncodeFailure(format == ImageFormat.PNG ? "png: invalid format: invalid image size: " + size
                    : format.label() + ": invalid image size: " + size);
        }
        if (format != ImageFormat.PNG && (p.width >= MAX_SIDE || p.height >= MAX_SIDE)) {
            throw new EncodeFailure(format.label() + ": image is too large to encode");
        }
        BufferedImage img = switch (format) {
            case PNG -> packed(p.argb, p.width, p.height, !p.opaque());
            case JPEG -> packed(flattened(p), p.width, p.height, false);
            case GIF -> indexed(p);
        };
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.label());
        if (!writers.hasNext()) {
            throw new EncodeFailure("no " + format.label() + " encoder in this Java runtime");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = null;
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            } else if (format == ImageFormat.GIF) {
                metadata = notInterlaced(writer, img, param);
            }
            writer.write(null, new IIOImage(img, null, metadata), param);
        } catch (IOException | RuntimeException e) {
            throw new EncodeFailure(String.valueOf(e.getMessage()));
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * GIF image metadata with interlacing off, as Go writes GIFs. (ImageIO interlaces by
     * default, and its interlaced writer scrambles the rows of very short images.)
     */
    private static IIOMetadata notInterlaced(ImageWriter writer, BufferedImage img, ImageWriteParam param)
            throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
        String name = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(name);
        ((IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0)).setAttribute("interlaceFlag", "FALSE");
        metadata.setFromTree(name, root);
        return metadata;
    }

    /** An image over the pixel array itself (no copy), read as RGB or ARGB. */
    private static BufferedImage packed(int[] argb, int w, int h, boolean alpha) {
        int[] masks = alpha ? new int[] {0xff0000, 0xff00, 0xff, 0xff000000} : new int[] {0xff0000, 0xff00, 0xff};
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(argb, argb.length), w, h, w, masks, null);
        ColorModel cm = alpha ? ColorModel.getRGBdefault() : new DirectColorModel(24, 0xff0000, 0xff00, 0xff);
        return new BufferedImage(cm, raster, false, null);
    }

    /** Each pixel composited onto black, as Go's JPEG and GIF encoders see a translucent one. */
    private static int[] flattened(Pixels p) {
        int[] out = new int[p.argb.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = GoColor.overBlack(p.argb[i]);
        }
        return out;
    }

    /**
     * A palette image holding the exact colours when there are at most 256 (plus transparency
     * for a palette image passed through); otherwise ImageIO's own quantiser picks the palette.
     */
    private static BufferedImage indexed(Pixels p) {
        int[] colours = new int[p.argb.length];
        for (int i = 0; i < colours.length; i++) {
            int c = p.argb[i];
            colours[i] = p.paletted && c >>> 24 == 0 ? 0 : GoColor.overBlack(c);
        }
        Map<Integer, Integer> index = new HashMap<>();
        byte[] indices = new byte[colours.length];
        int last = 0;
        int lastAt = -1;
        for (int i = 0; i < colours.length; i++) {
            if (colours[i] != last || lastAt < 0) { // runs of one colour skip the map
                Integer at = index.get(colours[i]);
                if (at == null) {
                    if (index.size() == 256) {
                        return packed(colours, p.width, p.height, false);
                    }
                    at = index.size();
                    index.put(colours[i], at);
                }
                last = colours[i];
                lastAt = at;
            }
            indices[i] = (byte) lastAt;
        }
        // a GIF colour table has a power-of-two size
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(index.size() - 1));
        int size = 1 << bits;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        int transparent = -1;
        for (Map.Entry<Integer, Integer> e : index.entrySet()) {
            int c = e.getKey();
            int i = e.getValue();
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
            if (c >>> 24 == 0) {
                transparent = i;
            }
        }
        IndexColorModel icm = new IndexColorModel(bits, size, r, g, b, transparent);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(indices, indices.length),
                p.width, p.height, p.width, 1, new int[] {0}, null);
        return new BufferedImage(icm, raster, false, null);
    }
}
