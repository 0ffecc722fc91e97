package dev.limelight.image;

import dev.limelight.image.segmentation.FelzenszwalbSegmenter;
import dev.limelight.image.segmentation.GridSegmenter;
import dev.limelight.image.segmentation.MeanShiftSegmenter;
import dev.limelight.image.segmentation.SlicSegmenter;
import dev.limelight.image.segmentation.WatershedSegmenter;
import java.util.Locale;

/** The segmenters Limelight offers, by the names the command line uses. */
public enum SegmenterKind {

    /** {@link SlicSegmenter}: compact, even superpixels (the default). */
    SLIC,
    /** {@link FelzenszwalbSegmenter}: graph-based, follows edges. */
    FH04,
    /** {@link MeanShiftSegmenter}: mode seeking, closest to the reference's quickshift. */
    MEANSHIFT,
    /** {@link WatershedSegmenter}: fastest colour-aware segmenter. */
    WATERSHED,
    /** {@link GridSegmenter}: fixed cells, the same for every image. */
    GRID;

    /** Segment count aimed at by default: 64 (about 30 to 150 on a 299 x 299 photo for every kind). */
    public static final int DEFAULT_SEGMENTS = 64;

    /**
     * @param segments the segment count aimed at (exact for the grid, approximate otherwise)
     * @return a segmenter of this kind
     */
    public Segmenter create(int segments) {
        return switch (this) {
            case SLIC -> new SlicSegmenter(segments);
            case FH04 -> new FelzenszwalbSegmenter(segments);
            case MEANSHIFT -> new MeanShiftSegmenter(segments);
            case WATERSHED -> new WatershedSegmenter(segments);
            case GRID -> new GridSegmenter(segments);
        };
    }

    /**
     * @param name slic, fh04, meanshift, watershed or grid (any case)
     * @throws IllegalArgumentException naming the choices for anything else
     */
    public static SegmenterKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown segmenter '" + name
                    + "': use slic, fh04, meanshift, watershed or grid");
        }
    }
}
