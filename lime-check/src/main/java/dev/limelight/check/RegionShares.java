package dev.limelight.check;

import dev.limelight.audit.ImageRegion;
import dev.limelight.core.FeatureWeight;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.render.ExplanationImages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much of each explanation's positive weight lies in a region: what the explanation tests
 * (no-reliance, on-object) measure. Each cohort image's prediction is explained
 * ({@link CheckContext#explain}); a cell's weight counts in proportion to the share of its pixels in
 * the region; the image's share is the region's positive weight over all positive weight (0 when
 * there is none).
 */
final class RegionShares {

    /** One measured image. */
    record Measured(int image, String path, double share, ImageExplanation explanation, boolean[] inside, int width,
                    int height) {
    }

    /**
     * @param measured   the cohort images with a region, in cohort order
     * @param withoutMask the cohort images that have no mask, by relative path
     */
    record Result(List<Measured> measured, List<String> withoutMask) {

        double mean() {
            return measured.stream().mapToDouble(Measured::share).average().orElse(0);
        }
    }

    private RegionShares() {
    }

    static Result measure(CheckContext context, String stage, Cohort cohort, ImageRegion region, int samples,
                          int grid) {
        List<Integer> members = context.members(cohort);
        List<Measured> measured = new ArrayList<>();
        List<String> withoutMask = new ArrayList<>();
        CheckContext.ExplanationSettings settings = CheckContext.ExplanationSettings.plain(samples, grid);
        for (int k = 0; k < members.size(); k++) {
            int i = members.get(k);
            String path = context.rows().get(i).path();
            RasterImage photo = context.image(i);
            var inside = region.inside(path, photo.width(), photo.height());
            if (inside.isEmpty()) {
                withoutMask.add(path);
            } else {
                ImageExplanation e = context.explain(i, settings);
                measured.add(new Measured(i, path, e.positiveShareIn(inside.get(), photo.width(), photo.height()), e,
                        inside.get(), photo.width(), photo.height()));
            }
            context.progress(stage, k + 1, members.size());
        }
        return new Result(measured, withoutMask);
    }

    /**
     * The numbers and pictures of a result: the images listed and shown are the {@code highestFirst}
     * (most reliant) or lowest (least on the object) shares.
     */
    static Map<String, Object> details(Result result, Cohort cohort, ImageRegion region, boolean highestFirst,
                                       String listName) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("region", region.describe());
        details.put("images", result.measured().size());
        details.put("withoutMask", result.withoutMask().size());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Measured m : ordered(result, highestFirst).subList(0, Math.min(InvarianceCheck.LISTED,
                result.measured().size()))) {
            listed.add(Map.of("path", m.path(), "share", m.share()));
        }
        details.put(listName, listed);
        return details;
    }

    static List<Evidence> evidence(Result result, boolean highestFirst) {
        List<Evidence> shown = new ArrayList<>();
        for (Measured m : ordered(result, highestFirst).subList(0, Math.min(Evidence.KEPT, result.measured().size()))) {
            ImageExplanation e = m.explanation();
            RasterImage original = marked(e.image(), m);
            shown.add(Evidence.of(m.path(), original, String.format(Locale.ROOT, "%s %.3f, region tinted blue",
                    e.top().name(), e.top().probability()), RasterImage.fromBufferedImage(
                    ExplanationImages.heatMap(e, e.top().label())), String.format(Locale.ROOT,
                    "%.0f%% of the positive weight in the region", 100 * m.share())));
        }
        return shown;
    }

    private static List<Measured> ordered(Result result, boolean highestFirst) {
        Comparator<Measured> byShare = Comparator.comparingDouble(Measured::share);
        return result.measured().stream().sorted(highestFirst ? byShare.reversed() : byShare).toList();
    }

    /** The explained image with the region's pixels tinted blue. */
    private static RasterImage marked(RasterImage explained, Measured m) {
        RasterImage rgb = explained.toRgb();
        int w = rgb.width();
        int h = rgb.height();
        float[] p = rgb.pixels();
        for (int y = 0; y < h; y++) {
            int oy = Math.min(m.height() - 1, (int) ((y + 0.5) * m.height() / h));
            for (int x = 0; x < w; x++) {
                int ox = Math.min(m.width() - 1, (int) ((x + 0.5) * m.width() / w));
                if (m.inside()[oy * m.width() + ox]) {
                    int at = (y * w + x) * 3;
                    p[at] = 0.6f * p[at];
                    p[at + 1] = 0.6f * p[at + 1];
                    p[at + 2] = 0.6f * p[at + 2] + 0.4f * 255;
                }
            }
        }
        return new RasterImage(w, h, 3, p);
    }
}
