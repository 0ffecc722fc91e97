/**
 * The {@code limelight} command line: {@link dev.limelight.cli.Limelight} and its sub-commands.
 * Exit codes: 0 done, 1 failure, 2 bad input.
 */
package dev.limelight.cli;
