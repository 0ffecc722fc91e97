/**
 * Renders text explanations: JSON, and a self-contained HTML page (no script, no network) with the
 * words highlighted by weight and a bar chart of the top words.
 */
package dev.limelight.text.render;
