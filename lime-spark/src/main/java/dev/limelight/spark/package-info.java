/**
 * Audits on Apache Spark. {@link dev.limelight.spark.SparkImageAudit} plans the work on the driver
 * (which images to explain depends on the labels only), ships the model file to the executors once
 * ({@link dev.limelight.spark.ShippedModel}, a broadcast), lets each partition load it once and run
 * the same {@link dev.limelight.audit.AuditWorker} as the single-JVM audit
 * ({@link dev.limelight.spark.PartitionAuditor}), writes one Parquet row per image
 * ({@link dev.limelight.spark.AuditRows}) and assembles the audit on the driver with SP-LIME over
 * the collected weights. {@link dev.limelight.spark.SparkDistributedAudit} offers it to the command
 * line ({@code ./limelight audit --spark MASTER}).
 */
package dev.limelight.spark;
