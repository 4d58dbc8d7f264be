package duso.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Decoding straight from raster samples, and the encoders' choices, at the byte level. */
class ImageCodecTest {
    @Test
    void pngRoundTripKeepsEveryChannelExactly() throws Exception {
        int[] argb = {0xff102030, 0x80ff0000, 0x000a141e, 0x01fefdfc};
        byte[] png = ImageCodec.encode(new Pixels(2, 2, argb.clone(), false), ImageFormat.PNG);
        ImageCodec.Decoded d = ImageCodec.decode(png);
        assertEquals(ImageFormat.PNG, d.format());
        assertArrayEquals(argb, d.pixels().argb);
    }

    @Test
    void opaquePngIsWrittenWithoutAlphaLikeGo() throws Exception {
        byte[] png = ImageCodec.encode(new Pixels(1, 1, new int[] {0xff336699}, false), ImageFormat.PNG);
        assertEquals(2, png[25], "IHDR colour type: truecolour without alpha");
        byte[] withAlpha = ImageCodec.encode(new Pixels(1, 1, new int[] {0x7f336699}, false), ImageFormat.PNG);
        assertEquals(6, withAlpha[25]);
    }

    @Test
    void greyAndSixteenBitSamplesAreReadRawNotColourManaged() throws Exception {
        // 8-bit grey 0x40 and 0xc0: a gamma-converting getRGB would change them
        assertArrayEquals(new int[] {0xff404040, 0xffc0c0c0},
                ImageCodec.decode(png(2, 1, 8, 0, new byte[] {0x40, (byte) 0xc0})).pixels().argb);
        // 16-bit RGB keeps the high byte, as Go's conversion to 8 bits does
        byte[] rgb16 = {0x12, 0x34, 0x56, 0x78, (byte) 0x9a, (byte) 0xff};
        assertArrayEquals(new int[] {0xff12569a}, ImageCodec.decode(png(1, 1, 16, 2, rgb16)).pixels().argb);
        // grey + alpha
        assertArrayEquals(new int[] {0x80646464}, ImageCodec.decode(png(1, 1, 8, 4, new byte[] {100, (byte) 128}))
                .pixels().argb);
    }

    @Test
    void jpegIsWrittenAtQuality85OntoBlack() throws Exception {
        int[] flat = new int[64];
        java.util.Arrays.fill(flat, 0x80ff0000); // half-transparent red: Go's encoder sees (128, 0, 0)
        byte[] jpeg = ImageCodec.encode(new Pixels(8, 8, flat, false), ImageFormat.JPEG);
        int p = ImageCodec.decode(jpeg).pixels().at(3, 3);
        assertEquals(0xff, p >>> 24);
        assertTrue(Math.abs(((p >> 16) & 0xff) - 128) <= 3 && (p & 0xffff) < 0x0606, Integer.toHexString(p));
    }

    @Test
    void undecodableBytesAreNull() {
        assertNull(ImageCodec.decode(new byte[0]));
        assertNull(ImageCodec.decode("GIF89a but nothing else".getBytes(StandardCharsets.US_ASCII)));
        assertNull(ImageCodec.decode(new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0, 0, 0}));
    }

    @Test
    void zeroSizedPngIsRefusedInGosWords() {
        ImageCodec.EncodeFailure f = assertThrows(ImageCodec.EncodeFailure.class,
                () -> ImageCodec.encode(new Pixels(3, 0, new int[0], false), ImageFormat.PNG));
        assertEquals("png: invalid format: invalid image size: 3x0", f.getMessage());
    }

    @Test
    void gifWithTransparencyPassedThroughKeepsIt() throws Exception {
        int[] argb = {0xffff0000, 0x00000000};
        ImageCodec.Decoded d = ImageCodec.decode(ImageCodec.encode(new Pixels(2, 1, argb.clone(), true), ImageFormat.GIF));
        assertNotNull(d);
        assertArrayEquals(argb, d.pixels().argb);
        ImageCodec.Decoded flat = ImageCodec.decode(ImageCodec.encode(new Pixels(2, 1, argb.clone(), false), ImageFormat.GIF));
        assertArrayEquals(new int[] {0xffff0000, 0xff000000}, flat.pixels().argb);
    }

    /** A minimal PNG: one IDAT, filter 0 on every row. */
    private static byte[] png(int w, int h, int depth, int colourType, byte[] pixels) throws Exception {
        int rowBytes = pixels.length / h;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            raw.write(0);
            raw.write(pixels, y * rowBytes, rowBytes);
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        byte[] buf = new byte[1024];
        int n = deflater.deflate(buf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) depth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
