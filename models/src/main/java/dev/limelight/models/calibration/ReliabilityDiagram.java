package dev.limelight.models.calibration;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A reliability diagram (DeGroot and Fienberg 1983; Niculescu-Mizil and Caruana 2005): per
 * confidence bin, a bar as high as the accuracy in the bin, the gap to the bin's mean confidence
 * shaded, and the diagonal of perfect calibration. One panel per {@link ReliabilityBins}, side by
 * side (typically before and after temperature scaling), each titled with its ECE. Drawn with
 * Java2D (works headless); immutable.
 */
public final class ReliabilityDiagram {

    /** One panel: a title and the binned predictions it shows. */
    public record Panel(String title, ReliabilityBins bins) {

        /** @throws IllegalArgumentException if a field is null */
        public Panel {
            if (title == null || bins == null) {
                throw new IllegalArgumentException("a panel needs a title and bins");
            }
        }
    }

    /** Width of one panel in pixels. */
    public static final int PANEL_WIDTH = 440;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 470;

    private static final int LEFT = 64;
    private static final int TOP = 56;
    private static final int PLOT = 350;
    private static final Color BAR = new Color(66, 118, 183);
    private static final Color GAP = new Color(214, 69, 65, 110);
    private static final Color GRID = new Color(225, 225, 225);

    private final List<Panel> panels;

    private ReliabilityDiagram(List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a reliability diagram needs at least one panel");
        }
        this.panels = List.copyOf(panels);
    }

    /**
     * @param panels one or more panels, drawn left to right
     * @return the diagram
     */
    public static ReliabilityDiagram of(Panel... panels) {
        return new ReliabilityDiagram(List.of(panels));
    }

    /** @return the panels, left to right */
    public List<Panel> panels() {
        return panels;
    }

    /** @return the diagram as an RGB image, {@link #PANEL_WIDTH} pixels wide per panel, {@link #HEIGHT} high */
    public BufferedImage render() {
        BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                drawPanel(g, i * PANEL_WIDTH, panels.get(i));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes the diagram as a PNG, creating the parent directories.
     *
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public void writePng(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(render(), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static void drawPanel(Graphics2D g, int x0, Panel panel) {
        ReliabilityBins bins = panel.bins();
        int left = x0 + LEFT;
        int bottom = TOP + PLOT;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int t = 0; t <= 5; t++) {
            double v = t / 5.0;
            int x = left + (int) Math.round(v * PLOT);
            int y = bottom - (int) Math.round(v * PLOT);
            g.setColor(GRID);
            g.drawLine(left, y, left + PLOT, y);
            g.drawLine(x, TOP, x, bottom);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.1f", v);
            g.drawString(label, x - 8, bottom + 16);
            g.drawString(label, left - 28, y + 4);
        }
        for (int b = 0; b < bins.binCount(); b++) {
            if (bins.count(b) == 0) {
                continue;
            }
            double x = left + bins.lowerEdge(b) * PLOT;
            double w = (bins.upperEdge(b) - bins.lowerEdge(b)) * PLOT;
            double accuracyY = bottom - bins.accuracy(b) * PLOT;
            double confidenceY = bottom - bins.meanConfidence(b) * PLOT;
            g.setColor(BAR);
            g.fill(new Rectangle2D.Double(x, accuracyY, w, bottom - accuracyY));
            g.setColor(Color.WHITE);
            g.draw(new Rectangle2D.Double(x, accuracyY, w, bottom - accuracyY));
            g.setColor(GAP);
            g.fill(new Rectangle2D.Double(x, Math.min(accuracyY, confidenceY), w, Math.abs(accuracyY - confidenceY)));
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.draw(new Line2D.Double(left, bottom, left + PLOT, TOP));
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.drawRect(left, TOP, PLOT, PLOT);
        g.drawString("confidence", left + PLOT / 2 - 30, bottom + 36);
        g.rotate(-Math.PI / 2);
        g.drawString("accuracy", -(TOP + PLOT / 2 + 24), x0 + 18);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(panel.title(), left, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "ECE %.2f %%   accuracy %.2f %%   N = %d   %d bins",
                100 * bins.expectedCalibrationError(), 100 * bins.accuracy(), bins.sampleCount(), bins.binCount()),
                left, 42);
        g.setColor(BAR);
        g.fillRect(left, bottom + 46, 12, 10);
        g.setColor(GAP);
        g.fillRect(left + 90, bottom + 46, 12, 10);
        g.setColor(Color.DARK_GRAY);
        g.drawString("accuracy", left + 16, bottom + 56);
        g.drawString("gap to confidence", left + 106, bottom + 56);
        g.drawString("- - perfect calibration", left + 230, bottom + 56);
    }
}
