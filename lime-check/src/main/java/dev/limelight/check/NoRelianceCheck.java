package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.AuditRow;
import dev.limelight.core.FeatureWeight;
import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.SegmenterKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An explanation test: the model's reasons for its predictions must not lie in a region (a
 * watermark, a border, a place a shortcut could hide). Every cohort image's prediction is explained
 * with LIME on a grid ({@code grid} cells, {@code samples} samples, hidden cells black, seeded); the
 * region's share of the explanation's positive weight is the weight of each cell times the share of
 * the cell inside the region, over all the positive weight (0 where there is none). Passes when the
 * mean share over the cohort is at most {@code max}.
 *
 * @param name    the check's name
 * @param region  {@code "x,y,width,height"} in the original image's pixels, top-left origin
 * @param cohort  the images (default all)
 * @param max     the greatest mean share of the positive weight inside the region
 * @param samples LIME samples per image (default 300)
 * @param grid    grid cells per image (default 16)
 */
public record NoRelianceCheck(String name, String region, Cohort cohort, Double max, Integer samples, Integer grid)
        implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public NoRelianceCheck {
        Objects.requireNonNull(name, "name");
        rectangle(region);
        if (max == null || !(max >= 0 && max <= 1)) {
            throw new IllegalArgumentException("a no-reliance check needs 'max' in [0, 1], got " + max);
        }
        cohort = cohort == null ? Cohort.ALL : cohort;
        samples = samples == null ? 300 : samples;
        grid = grid == null ? 16 : grid;
    }

    /** @return {x, y, width, height} of a region written {@code "x,y,width,height"} */
    static double[] rectangle(String region) {
        String[] parts = region == null ? new String[0] : region.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("region must be \"x,y,width,height\" in the image's pixels, got "
                    + region);
        }
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                r[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("region must be \"x,y,width,height\" numbers, got " + region, e);
            }
        }
        if (r[0] < 0 || r[1] < 0 || !(r[2] > 0) || !(r[3] > 0)) {
            throw new IllegalArgumentException("region needs x, y >= 0 and a positive width and height, got " + region);
        }
        return r;
    }

    @Override
    @JsonIgnore
    public String type() {
        return "no-reliance";
    }

    /** @return each cohort image's share of positive weight inside the region, in cohort order */
    public double[] shares(CheckContext context) {
        double[] r = rectangle(region);
        List<Integer> members = context.members(cohort);
        double[] shares = new double[members.size()];
        for (int k = 0; k < members.size(); k++) {
            int i = members.get(k);
            RasterImage photo = context.image(i);
            int label = context.classIndex(context.rows().get(i).predicted());
            ImageExplanation e = new ImageExplainer(ImageExplainerOptions.builder().samples(samples)
                    .segmenter(SegmenterKind.GRID.create(grid)).hideMode(HideMode.parse("0,0,0")).labels(label)
                    .seed(context.seed() + i).build()).explain(photo, context.classifier());
            Segmentation cells = e.segmentation();
            double sx = (double) cells.width() / photo.width();
            double sy = (double) cells.height() / photo.height();
            double[] inside = new double[cells.segmentCount()];
            double[] size = new double[cells.segmentCount()];
            for (int y = 0; y < cells.height(); y++) {
                for (int x = 0; x < cells.width(); x++) {
                    int s = cells.label(x, y);
                    size[s]++;
                    double ox = (x + 0.5) / sx;
                    double oy = (y + 0.5) / sy;
                    if (ox >= r[0] && ox < r[0] + r[2] && oy >= r[1] && oy < r[1] + r[3]) {
                        inside[s]++;
                    }
                }
            }
            double positive = 0;
            double in = 0;
            for (FeatureWeight w : e.top().surrogate().weights()) {
                if (w.weight() > 0) {
                    positive += w.weight();
                    in += w.weight() * inside[w.feature()] / size[w.feature()];
                }
            }
            shares[k] = positive > 0 ? in / positive : 0;
        }
        return shares;
    }

    @Override
    public CheckResult run(CheckContext context) {
        double[] shares = shares(context);
        double mean = 0;
        for (double s : shares) {
            mean += s / shares.length;
        }
        List<AuditRow> rows = context.members(cohort).stream().map(context.rows()::get).toList();
        List<Map<String, Object>> most = new ArrayList<>();
        Integer[] order = new Integer[shares.length];
        java.util.Arrays.setAll(order, i -> i);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(shares[b], shares[a]));
        for (int i = 0; i < Math.min(InvarianceCheck.LISTED, order.length); i++) {
            most.add(Map.of("path", rows.get(order[i]).path(), "share", shares[order[i]]));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cohort", cohort.describe());
        details.put("region", region);
        details.put("images", shares.length);
        details.put("mostReliant", most);
        return new CheckResult(name, type(), shares.length > 0 && mean <= max, mean, max, details);
    }
}
