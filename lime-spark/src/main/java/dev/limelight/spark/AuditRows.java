package dev.limelight.spark;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditWorker;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.ImageProperties;
import dev.limelight.audit.Thumbnail;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.StageTimings;
import dev.limelight.core.trust.Stability;
import dev.limelight.core.trust.TrustReport;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.LabelExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet row of one audited image, and its way back into an {@link ImageExplanation} on the
 * driver.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>meaning</th></tr>
 *   <tr><td>index, path, true_class, true_index</td><td>the image</td></tr>
 *   <tr><td>predicted, predicted_class, probability</td><td>the model's top class and its probability</td></tr>
 *   <tr><td>probabilities</td><td>every class's probability</td></tr>
 *   <tr><td>explained</td><td>whether the predicted class was explained; the columns below are null if not</td></tr>
 *   <tr><td>cells, weights</td><td>the K selected grid cells and their surrogate weights, strongest first</td></tr>
 *   <tr><td>intercept, score, local_prediction, explained_probability, feature_selection, samples, seed</td>
 *       <td>the rest of the K-Lasso fit and how it was made</td></tr>
 *   <tr><td>stability, stability_runs, stability_k, stability_cells, stability_means, stability_stds,
 *       stability_shares</td><td>top-K agreement over R seeds and each cell's spread, when asked</td></tr>
 *   <tr><td>prepare_ms, segment_ms, masks_ms, score_ms, fit_ms, trust_ms</td><td>the explanation's stages</td></tr>
 *   <tr><td>classify_ms</td><td>this image's share of its classification batch</td></tr>
 *   <tr><td>partition, model_load_ms</td><td>the partition that did the work and how long it took to load its model</td></tr>
 *   <tr><td>true_cells, true_weights, true_intercept, true_score, true_local_prediction, true_probability</td>
 *       <td>for an explained mistake, the fit of its true class, from the same samples; else null</td></tr>
 *   <tr><td>properties, thumbnail, hash, preview, embedding</td><td>the image's {@link ImageProperties} (in
 *       the order of its names), its {@link Thumbnail} and the model's embedding (null without), from which
 *       the driver tags the images, and its report preview PNG</td></tr>
 * </table>
 */
public final class AuditRows {

    /** An image explanation's stages, each a column {@code STAGE_ms}. */
    private static final List<String> STAGES = List.of("prepare", "segment", "masks", "score", "fit", "trust");

    /** The rows' schema. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
            field("index", DataTypes.IntegerType, false),
            field("path", DataTypes.StringType, false),
            field("true_class", DataTypes.StringType, false),
            field("true_index", DataTypes.IntegerType, false),
            field("predicted", DataTypes.IntegerType, false),
            field("predicted_class", DataTypes.StringType, false),
            field("probability", DataTypes.DoubleType, false),
            field("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), false),
            field("explained", DataTypes.BooleanType, false),
            field("cells", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
            field("weights", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            field("intercept", DataTypes.DoubleType, true),
            field("score", DataTypes.DoubleType, true),
            field("local_prediction", DataTypes.DoubleType, true),
            field("explained_probability", DataTypes.DoubleType, true),
            field("feature_selection", DataTypes.StringType, true),
            field("samples", DataTypes.IntegerType, true),
            field("seed", DataTypes.LongType, true),
            field("stability", DataTypes.DoubleType, true),
            field("stability_runs", DataTypes.IntegerType, true),
            field("stability_k", DataTypes.IntegerType, true),
            field("stability_cells", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
            field("stability_means", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            field("stability_stds", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            field("stability_shares", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            field("prepare_ms", DataTypes.DoubleType, true),
            field("segment_ms", DataTypes.DoubleType, true),
            field("masks_ms", DataTypes.DoubleType, true),
            field("score_ms", DataTypes.DoubleType, true),
            field("fit_ms", DataTypes.DoubleType, true),
            field("trust_ms", DataTypes.DoubleType, true),
            field("classify_ms", DataTypes.DoubleType, false),
            field("partition", DataTypes.IntegerType, false),
            field("model_load_ms", DataTypes.DoubleType, false),
            field("properties", DataTypes.createArrayType(DataTypes.DoubleType, false), false),
            field("thumbnail", DataTypes.createArrayType(DataTypes.FloatType, false), false),
            field("hash", DataTypes.LongType, false),
            field("preview", DataTypes.BinaryType, false),
            field("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), true),
            field("true_cells", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
            field("true_weights", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            field("true_intercept", DataTypes.DoubleType, true),
            field("true_score", DataTypes.DoubleType, true),
            field("true_local_prediction", DataTypes.DoubleType, true),
            field("true_probability", DataTypes.DoubleType, true),
    });

    private AuditRows() {
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /**
     * The row of one image.
     *
     * @param explanation its explanation, or null if it was only classified
     */
    static Row row(AuditTask task, List<String> classNames, ImageObservation observation, ImageExplanation explanation,
                   double classifyMillis, int partition, double modelLoadMillis) {
        double[] probabilities = observation.probabilities();
        int predicted = AuditWorker.argMax(probabilities);
        Object[] v = new Object[SCHEMA.size()];
        v[0] = task.index();
        v[1] = task.path();
        v[2] = task.trueClass();
        v[3] = task.trueIndex();
        v[4] = predicted;
        v[5] = classNames.get(predicted);
        v[6] = probabilities[predicted];
        v[7] = boxed(probabilities);
        v[8] = explanation != null;
        if (explanation != null) {
            LabelExplanation top = explanation.top();
            LocalExplanation fit = top.surrogate();
            v[9] = fit.weights().stream().map(FeatureWeight::feature).toArray(Integer[]::new);
            v[10] = fit.weights().stream().map(FeatureWeight::weight).toArray(Double[]::new);
            v[11] = fit.intercept();
            v[12] = fit.score();
            v[13] = fit.localPrediction();
            v[14] = top.probability();
            v[15] = fit.featureSelection().name();
            v[16] = explanation.samples();
            v[17] = explanation.seed();
            top.trust().stabilityIfMeasured().ifPresent(s -> {
                v[18] = s.topKJaccard();
                v[19] = s.runs();
                v[20] = s.k();
                v[21] = s.features().stream().map(Stability.FeatureSpread::feature).toArray(Integer[]::new);
                v[22] = s.features().stream().map(Stability.FeatureSpread::mean).toArray(Double[]::new);
                v[23] = s.features().stream().map(Stability.FeatureSpread::std).toArray(Double[]::new);
                v[24] = s.features().stream().map(Stability.FeatureSpread::topKShare).toArray(Double[]::new);
            });
            StageTimings t = explanation.timings();
            for (int s = 0; s < STAGES.size(); s++) {
                v[25 + s] = t.millis(STAGES.get(s));
            }
        }
        v[31] = classifyMillis;
        v[32] = partition;
        v[33] = modelLoadMillis;
        v[34] = boxed(observation.properties().values());
        v[35] = boxed(observation.thumbnail().grey());
        v[36] = observation.thumbnail().hash();
        v[37] = observation.preview();
        v[38] = observation.embedding() == null ? null : boxed(observation.embedding());
        if (explanation != null && explanation.labels().size() > 1) {
            LabelExplanation truth = explanation.labels().get(1);
            LocalExplanation fit = truth.surrogate();
            v[39] = fit.weights().stream().map(FeatureWeight::feature).toArray(Integer[]::new);
            v[40] = fit.weights().stream().map(FeatureWeight::weight).toArray(Double[]::new);
            v[41] = fit.intercept();
            v[42] = fit.score();
            v[43] = fit.localPrediction();
            v[44] = truth.probability();
        }
        return RowFactory.create(v);
    }

    /** @return what the executor observed of the row's image: probabilities, properties, thumbnail */
    static ImageObservation observation(Row row) {
        double[] p = row.<Double>getList(row.fieldIndex("properties")).stream().mapToDouble(Double::doubleValue)
                .toArray();
        float[] grey = floats(row.getList(row.fieldIndex("thumbnail")));
        int e = row.fieldIndex("embedding");
        float[] embedding = row.isNullAt(e) ? null : floats(row.getList(e));
        return new ImageObservation(probabilities(row), new ImageProperties((int) p[0], (int) p[1], p[2], p[3], p[4],
                p[5], p[6], p[7]), new Thumbnail(grey, row.getLong(row.fieldIndex("hash"))),
                (byte[]) row.get(row.fieldIndex("preview")), embedding);
    }

    private static float[] floats(List<Float> list) {
        float[] values = new float[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i);
        }
        return values;
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    /** @return the row's class probabilities */
    static double[] probabilities(Row row) {
        List<Double> list = row.getList(row.fieldIndex("probabilities"));
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Rebuilds the explanation an executor made, around the image and grid the driver recomputes
     * (both deterministic): the fit, its provenance, timings and stability are the row's.
     *
     * @param row          an explained image's row
     * @param image        the image at the model's input size and channels
     * @param segmentation its grid
     * @param model        what the model answered on the image (its kind, class names, the row's probabilities)
     * @param options      the audit options
     */
    static ImageExplanation explanation(Row row, RasterImage image, Segmentation segmentation,
                                        ImageExplanation.ModelAnswer model, AuditOptions options) {
        int label = row.getInt(row.fieldIndex("predicted"));
        String className = model.classNames().get(label);
        int index = row.getInt(row.fieldIndex("index"));
        FeatureSelection selection = FeatureSelection.valueOf(row.getString(row.fieldIndex("feature_selection")));
        LocalExplanation surrogate = fit(row, "", label, selection);
        Stability stability = null;
        if (!row.isNullAt(row.fieldIndex("stability"))) {
            List<Integer> sc = row.getList(row.fieldIndex("stability_cells"));
            List<Double> means = row.getList(row.fieldIndex("stability_means"));
            List<Double> stds = row.getList(row.fieldIndex("stability_stds"));
            List<Double> shares = row.getList(row.fieldIndex("stability_shares"));
            List<Stability.FeatureSpread> spreads = new ArrayList<>();
            for (int i = 0; i < sc.size(); i++) {
                spreads.add(new Stability.FeatureSpread(sc.get(i), means.get(i), stds.get(i), shares.get(i)));
            }
            stability = new Stability(row.getInt(row.fieldIndex("stability_k")),
                    row.getInt(row.fieldIndex("stability_runs")), row.getDouble(row.fieldIndex("stability")), spreads);
        }
        List<LabelExplanation> labels = new ArrayList<>();
        labels.add(new LabelExplanation(label, className, row.getDouble(row.fieldIndex("explained_probability")),
                surrogate, new TrustReport(stability, null, null)));
        int truth = row.getInt(row.fieldIndex("true_index"));
        if (!row.isNullAt(row.fieldIndex("true_cells"))) {
            labels.add(new LabelExplanation(truth, model.classNames().get(truth),
                    row.getDouble(row.fieldIndex("true_probability")), fit(row, "true_", truth, selection),
                    new TrustReport(null, null, null)));
        }
        StageTimings.Builder stages = StageTimings.builder();
        for (String stage : STAGES) {
            stages.stage(stage, millis(row, stage + "_ms"));
        }
        StageTimings timings = stages.build();
        int[] explained = labels.stream().mapToInt(LabelExplanation::label).toArray();
        return new ImageExplanation(image, segmentation, labels, row.getLong(row.fieldIndex("seed")),
                row.getInt(row.fieldIndex("samples")), AuditWorker.explainerOptions(options, index, explained), timings,
                null, model);
    }

    /** The K-Lasso fit of one label from the columns {@code PREFIX cells, weights, intercept, score, local_prediction}. */
    private static LocalExplanation fit(Row row, String prefix, int label, FeatureSelection selection) {
        List<Integer> cells = row.getList(row.fieldIndex(prefix + "cells"));
        List<Double> weights = row.getList(row.fieldIndex(prefix + "weights"));
        List<FeatureWeight> fit = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            fit.add(new FeatureWeight(cells.get(i), weights.get(i)));
        }
        return new LocalExplanation(label, selection, row.getDouble(row.fieldIndex(prefix + "intercept")), fit,
                row.getDouble(row.fieldIndex(prefix + "score")), row.getDouble(row.fieldIndex(prefix + "local_prediction")));
    }

    private static double millis(Row row, String column) {
        return row.getDouble(row.fieldIndex(column));
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
