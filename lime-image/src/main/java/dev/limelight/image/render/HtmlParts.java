package dev.limelight.image.render;

import static dev.limelight.core.report.Html.escape;

import java.awt.image.BufferedImage;
import java.util.Base64;

/** Pieces the self-contained HTML reports share: escaping, and images embedded as PNG data URIs. */
public final class HtmlParts {

    private HtmlParts() {
    }


    /** @return an {@code <img>} element holding the image as a base64 PNG data URI */
    public static String img(BufferedImage image, String alt, String cssClass) {
        return "<img class=\"" + escape(cssClass) + "\" alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + pngBase64(image) + "\">";
    }

    /** @return the image encoded as PNG, in base64 */
    public static String pngBase64(BufferedImage image) {
        return Base64.getEncoder().encodeToString(PngEncoder.encode(image));
    }
}
