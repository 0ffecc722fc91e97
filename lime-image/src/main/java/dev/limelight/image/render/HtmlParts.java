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
        return img(PngEncoder.encode(image), alt, cssClass);
    }

    /** @return an {@code <img>} element holding PNG bytes as a base64 data URI */
    public static String img(byte[] png, String alt, String cssClass) {
        return "<img class=\"" + escape(cssClass) + "\" alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">";
    }
}
