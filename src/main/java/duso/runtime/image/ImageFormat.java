package duso.runtime.image;

/**
 * The three formats the reference reads and writes, named as its metadata names them. The
 * magic-byte test is the reference's own: a format is tried on the strength of its first bytes,
 * and anything else is "unsupported".
 */
public enum ImageFormat {
    PNG("png", "image/png"),
    JPEG("jpeg", "image/jpeg"),
    GIF("gif", "image/gif");

    private final String label;
    private final String contentType;

    ImageFormat(String label, String contentType) {
        this.label = label;
        this.contentType = contentType;
    }

    /** The {@code format} metadata value and the ImageIO format name. */
    public String label() {
        return label;
    }

    public String contentType() {
        return contentType;
    }

    /** The format a target name selects (lower-cased already; "jpg" means jpeg), or null. */
    public static ImageFormat named(String name) {
        return switch (name) {
            case "png" -> PNG;
            case "jpeg", "jpg" -> JPEG;
            case "gif" -> GIF;
            default -> null;
        };
    }

    /** What the leading bytes claim the data is, or null when they match no format. */
    static ImageFormat sniff(byte[] data) {
        if (data.length < 4) {
            return null;
        }
        if ((data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
            return PNG;
        }
        if ((data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8) {
            return JPEG;
        }
        if (data[0] == 'G' && data[1] == 'I' && data[2] == 'F') {
            return GIF;
        }
        return null;
    }
}
