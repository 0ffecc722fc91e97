package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.ImageRegion;
import java.util.Map;
import java.util.Objects;

/**
 * An explanation test: the model's reasons must lie on the object, which a mask per image marks
 * (or one rectangle for every image). Measured as {@link NoRelianceCheck} does (the share of each
 * explanation's positive weight inside the region); passes when the mean share over the cohort's
 * images that have a mask is at least {@code min}. Images without a mask are left out and counted;
 * a cohort where none has one fails.
 *
 * @param name    the check's name
 * @param masks   a folder of per-image masks mirroring the data folder ({@link ImageRegion.Masks}); or null
 * @param region  {@code "x,y,width,height"} in the original image's pixels, top-left origin; or null with masks
 * @param cohort  the images (default all)
 * @param min     the least mean share of the positive weight on the object
 * @param samples LIME samples per image (default 300)
 * @param grid    grid cells per image (default 16)
 */
public record OnObjectCheck(String name, String masks, String region, Cohort cohort, Double min, Integer samples,
                            Integer grid) implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public OnObjectCheck {
        Objects.requireNonNull(name, "name");
        ImageRegion.of(region, masks);
        if (min == null || !(min >= 0 && min <= 1)) {
            throw new IllegalArgumentException("an on-object check needs 'min' in [0, 1], got " + min);
        }
        cohort = cohort == null ? Cohort.ALL : cohort;
        samples = ExplanationTests.samples(samples);
        grid = ExplanationTests.grid(grid);
    }

    @Override
    @JsonIgnore
    public String type() {
        return "on-object";
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
        Map<String, Object> details = RegionShares.details(result, cohort, where, false, "leastOnObject");
        return new CheckResult(name, type(), !result.measured().isEmpty() && mean >= min, mean, min, details,
                RegionShares.evidence(result, false));
    }
}
