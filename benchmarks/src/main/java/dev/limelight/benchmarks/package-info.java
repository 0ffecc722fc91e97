/**
 * Benchmarks that print figures: JMH micro-benchmarks of each stage (run with
 * {@code benchmarks/jmh}) and, later, the end-to-end harness. Tests never assert on time; these do
 * the measuring.
 */
package dev.limelight.benchmarks;
