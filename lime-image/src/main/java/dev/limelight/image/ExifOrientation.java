package dev.limelight.image;

/**
 * How a camera says its picture must be turned to be seen upright: the EXIF {@code Orientation} tag
 * (274), values 1 to 8. Phones store most portrait photos sideways with orientation 6; a model shown
 * the stored pixels sees the scene lying on its side, so Limelight applies the orientation when it
 * decodes a JPEG.
 */
public enum ExifOrientation {

    /** 1: upright. */
    NORMAL("upright"),
    /** 2: mirrored left to right. */
    MIRROR_HORIZONTAL("mirrored left to right"),
    /** 3: upside down. */
    ROTATE_180("rotated 180 degrees"),
    /** 4: mirrored top to bottom. */
    MIRROR_VERTICAL("mirrored top to bottom"),
    /** 5: mirrored along the main diagonal. */
    TRANSPOSE("transposed (mirrored along the main diagonal)"),
    /** 6: to be turned 90 degrees clockwise. */
    ROTATE_90("rotated 90 degrees clockwise"),
    /** 7: mirrored along the other diagonal. */
    TRANSVERSE("transversed (mirrored along the other diagonal)"),
    /** 8: to be turned 90 degrees counter-clockwise. */
    ROTATE_270("rotated 90 degrees counter-clockwise");

    private final String turn;

    ExifOrientation(String turn) {
        this.turn = turn;
    }

    /**
     * @param tag the EXIF value
     * @return its orientation; {@link #NORMAL} for a value outside 1 to 8 (which the standard does not define)
     */
    public static ExifOrientation of(int tag) {
        return tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
    }

    /** @return the EXIF value, 1 to 8 */
    public int tag() {
        return ordinal() + 1;
    }

    /** @return what applying it does, in words ("rotated 90 degrees clockwise") */
    public String describe() {
        return turn;
    }

    /** @return whether it swaps width and height */
    public boolean swapsSides() {
        return ordinal() >= 4;
    }

    /**
     * @param stored the pixels as the file stores them
     * @return the picture as it is meant to be seen (the same object for {@link #NORMAL})
     */
    public RasterImage apply(RasterImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        int c = stored.channels();
        int outW = swapsSides() ? h : w;
        int outH = swapsSides() ? w : h;
        float[] from = stored.data();
        float[] to = new float[from.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (this) {
                    case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
                    case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
                    case TRANSPOSE -> { sx = y; sy = x; }
                    case ROTATE_90 -> { sx = y; sy = h - 1 - x; }
                    case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                System.arraycopy(from, (sy * w + sx) * c, to, (y * outW + x) * c, c);
            }
        }
        return new RasterImage(outW, outH, c, to);
    }
}
