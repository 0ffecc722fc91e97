package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.ImageRegion;
import java.util.Map;
import java.util.Objects;

/**
 * An explanation test: the model's reasons for its predictions must not lie in a region (a
 * watermark, a border, a place a shortcut could hide). Every cohort image's prediction is explained
 * with LIME on a grid ({@code grid} cells, {@code samples} samples, hidden cells black, seeded); the
 * region's share of the explanation's positive weight is the weight of each cell times the share of
 * the cell inside the region, over all the positive weight (0 where there is none). Passes when the
 * mean share over the cohort is at most {@code max}. The region is a rectangle, or a mask per image
 * (images without a mask are left out and counted).
 *
 * @param name    the check's name
 * @param region  {@code "x,y,width,height"} in the original image's pixels, top-left origin; or null with masks
 * @param masks   a folder of per-image masks mirroring the data folder ({@link ImageRegion.Masks}); or null
 * @param cohort  the images (default all)
 * @param max     the greatest mean share of the positive weight inside the region
 * @param samples LIME samples per image (default 300)
 * @param grid    grid cells per image (default 16)
 */
public record NoRelianceCheck(String name, String region, String masks, Cohort cohort, Double max, Integer samples,
                              Integer grid) implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public NoRelianceCheck {
        Objects.requireNonNull(name, "name");
        ImageRegion.of(region, masks);
        if (max == null || !(max >= 0 && max <= 1)) {
            throw new IllegalArgumentException("a no-reliance check needs 'max' in [0, 1], got " + max);
        }
        cohort = cohort == null ? Cohort.ALL : cohort;
        samples = ExplanationTests.samples(samples);
        grid = ExplanationTests.grid(grid);
    }

    @Override
    @JsonIgnore
    public String type() {
        return "no-reliance";
    }

    @Override
    public boolean needsLabels() {
        return cohort.needsLabels();
    }

    @Override
    public CheckResult run(CheckContext context) {
        ImageRegion where = ImageRegion.of(region, masks);
        RegionShares.Result result = RegionShares.measure(context, name, cohort, where, samples, grid);
        double mean = result.mean();
        Map<String, Object> details = RegionShares.details(result, cohort, where, true, "mostReliant");
        return new CheckResult(name, type(), !result.measured().isEmpty() && mean <= max, mean, max, details,
                RegionShares.evidence(result, true));
    }
}
