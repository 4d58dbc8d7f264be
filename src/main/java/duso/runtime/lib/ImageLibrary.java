package duso.runtime.lib;

import duso.lang.values.BinaryValue;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.HostFiles;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.image.Images;

/**
 * The image builtins: load_image/save_image (load_binary/save_binary with image metadata, so
 * the same paths, sandbox and messages), and the transforms, which decode a binary value,
 * change it and encode it again in its own format. This class only reads arguments, in the
 * reference's order for each builtin (mostly position before name, but name first for
 * degrees, opacity, x, y and blend); {@link Images} and java.desktop behind it are loaded on
 * the first call.
 */
public final class ImageLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        HostFiles files = HostFiles.of(rt);
        r.add("load_image", a -> Images.describe(FilesLibrary.loadBinary(a, files)));
        r.add("save_image", a -> FilesLibrary.saveBinary(a, files));
        r.add("scale_image", ImageLibrary::scale);
        r.add("crop_image", ImageLibrary::crop);
        r.add("convert_image", a -> {
            BinaryValue img = image(a, "a binary image as first argument");
            String name = positionalFirst(a, 1, "format", String.class);
            if (name == null) {
                throw a.fail("target format (png, jpeg, gif)");
            }
            return Images.convert(a.function(), img, goLower(name));
        });
        r.add("rotate_image", a -> {
            BinaryValue img = image(a, "a binary image as first argument");
            if (!(namedFirst(a, 1, "degrees", Double.class) instanceof Double degrees)) {
                throw a.fail("degrees (90, 180, or 270)");
            }
            if (degrees != 90 && degrees != 180 && degrees != 270) {
                throw Args.error("rotate_image() degrees must be 90, 180, or 270");
            }
            return Images.rotate(a.function(), img, (int) (degrees / 90));
        });
        r.add("flip_image_x", a -> Images.flipX(a.function(), image(a, "a binary image as argument")));
        r.add("flip_image_y", a -> Images.flipY(a.function(), image(a, "a binary image as argument")));
        r.add("grayscale_image", a -> Images.grayscale(a.function(), image(a, "a binary image as argument")));
        r.add("set_image_opacity", a -> Images.setOpacity(a.function(), image(a, "a binary image as first argument"),
                opacity(a)));
        r.add("adjust_image_opacity", a -> Images.adjustOpacity(a.function(),
                image(a, "a binary image as first argument"), opacity(a)));
        r.add("composite_image", ImageLibrary::composite);
    }

    private static Object scale(Args a) {
        BinaryValue img = image(a, "a binary image as first argument");
        if (!(positionalFirst(a, 1, "max_x", Double.class) instanceof Double maxX)) {
            throw a.fail("max_x (width) as number");
        }
        if (!(positionalFirst(a, 2, "max_y", Double.class) instanceof Double maxY)) {
            throw a.fail("max_y (height) as number");
        }
        if (maxX <= 0 || maxY <= 0) {
            throw Args.error("scale_image() dimensions must be positive");
        }
        String mode = positionalFirst(a, 3, "mode", String.class) instanceof String s ? goLower(s) : "fit";
        if (!mode.equals("fit") && !mode.equals("fill") && !mode.equals("stretch")) {
            throw Args.error("scale_image() invalid mode '" + mode + "': use 'fit', 'fill', or 'stretch'");
        }
        return Images.scale(a.function(), img, maxX, maxY, mode);
    }

    private static Object crop(Args a) {
        BinaryValue img = image(a, "a binary image as first argument");
        if (!(positionalFirst(a, 1, "x", Double.class) instanceof Double x)) {
            throw a.fail("x coordinate");
        }
        if (!(positionalFirst(a, 2, "y", Double.class) instanceof Double y)) {
            throw a.fail("y coordinate");
        }
        if (!(positionalFirst(a, 3, "width", Double.class) instanceof Double width)) {
            throw a.fail("crop width");
        }
        if (!(positionalFirst(a, 4, "height", Double.class) instanceof Double height)) {
            throw a.fail("crop height");
        }
        if (width <= 0 || height <= 0) {
            throw Args.error("crop_image() width and height must be positive");
        }
        return Images.crop(a.function(), img, x, y, width, height);
    }

    private static Object composite(Args a) {
        BinaryValue base = binary(a, 0, "base", "a base image as first argument");
        BinaryValue overlay = binary(a, 1, "overlay", "an overlay image as second argument");
        double x = namedFirst(a, 2, "x", Double.class) instanceof Double d ? d : 0;
        double y = namedFirst(a, 3, "y", Double.class) instanceof Double d ? d : 0;
        String blend = namedFirst(a, 4, "blend", String.class) instanceof String s ? goLower(s) : "over";
        return Images.composite(a.function(), base, overlay, x, y, blend);
    }

    /** The opacity argument (name first), checked to lie in [0, 1]. */
    private static double opacity(Args a) {
        if (!(namedFirst(a, 1, "opacity", Double.class) instanceof Double opacity)) {
            throw a.fail("opacity (0.0-1.0)");
        }
        if (opacity < 0 || opacity > 1) {
            throw Args.error(a.function() + "() opacity must be between 0 and 1");
        }
        return opacity;
    }

    private static BinaryValue image(Args a, String what) {
        return binary(a, 0, "image", what);
    }

    /**
     * A binary argument. As in the reference, a positional argument that is present (even as
     * nil or a non-binary) hides the named one.
     */
    private static BinaryValue binary(Args a, int index, String name, String what) {
        Object v = a.raw().at(index);
        if (v == null) {
            v = a.raw().named(name);
        }
        if (v instanceof BinaryValue b) {
            return b;
        }
        throw a.fail(what);
    }

    /** The positional argument if it has the type, else the named one if it has, else null. */
    private static <T> T positionalFirst(Args a, int index, String name, Class<T> type) {
        return firstOf(type, a.raw().at(index), a.raw().named(name));
    }

    /** The named argument if it has the type, else the positional one if it has, else null. */
    private static <T> T namedFirst(Args a, int index, String name, Class<T> type) {
        return firstOf(type, a.raw().named(name), a.raw().at(index));
    }

    /** Go's strings.ToLower, as the reference lower-cases format, mode and blend names. */
    private static String goLower(String s) {
        return StringsLibrary.mapCase(s, false);
    }

    private static <T> T firstOf(Class<T> type, Object first, Object second) {
        return type.isInstance(first) ? type.cast(first) : type.isInstance(second) ? type.cast(second) : null;
    }
}
