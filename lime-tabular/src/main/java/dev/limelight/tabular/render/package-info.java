/** The files of a tabular explanation: {@code explanation.json} in the one format, and {@code report.html}. */
package dev.limelight.tabular.render;
