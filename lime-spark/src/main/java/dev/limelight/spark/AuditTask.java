package dev.limelight.spark;

import java.io.Serializable;

/**
 * One image's share of a distributed audit, as the driver hands it to an executor.
 *
 * @param index      the image's index in the audited set (it seeds the explanation)
 * @param path       the image file, readable by the executor
 * @param trueClass  its class name
 * @param trueIndex  the model's index for that class
 * @param explain    whether its predicted class is explained (besides being classified)
 */
public record AuditTask(int index, String path, String trueClass, int trueIndex, boolean explain)
        implements Serializable {
}
