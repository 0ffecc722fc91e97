/**
 * Renders image explanations: PNG overlays and heat maps, JSON, and a self-contained HTML report.
 */
package dev.limelight.image.render;
