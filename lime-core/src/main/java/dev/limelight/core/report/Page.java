package dev.limelight.core.report;

/**
 * The one HTML page skeleton of every Limelight report: a self-contained page (nothing fetched from
 * the network) with the shared style, a title and a heading, both escaped. Reports are static pages;
 * an interactive one embeds its data with {@link #jsonData} and its code with {@link #script}.
 */
public final class Page {

    /** The style every report shares: text, tables, weight bars, sections, figures. */
    public static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}"
            + "td.num{font-variant-numeric:tabular-nums;text-align:right}"
            + ".bar{height:12px;display:inline-block;vertical-align:middle}"
            + ".pos{background:#2a9d3f}.neg{background:#d43c3c}.prob{background:#4a7bd0}"
            + "section{border-top:1px solid #ddd;padding-top:1em;margin-top:1em}.muted{color:#666;font-size:.9em}"
            + "figure{display:inline-block;margin:0 1em 1em 0;vertical-align:top}figcaption{font-size:.9em;color:#555}";

    private Page() {
    }

    /**
     * @param title   the page's title and heading (escaped here)
     * @param ownStyle the report's own CSS rules, added after the shared ones
     * @return the page up to and including its heading
     */
    public static String open(String title, String ownStyle) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title>\n<style>" + STYLE + ownStyle + "</style></head><body>\n<h1>" + Html.escape(title)
                + "</h1>\n";
    }

    /**
     * @param id   the element's id, by which the page's script finds the data
     * @param json a JSON document
     * @return a {@code <script type="application/json">} element holding it; every {@code <} in it
     *         (only possible inside JSON strings) is written as its JSON escape, so no value can end the
     *         element or open a comment, and the JSON parses to the same document
     */
    public static String jsonData(String id, String json) {
        String safe = json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return "<script type=\"application/json\" id=\"" + Html.escape(id) + "\">" + safe + "</script>\n";
    }

    /**
     * @param code the page's own script (no {@code </script>} in it)
     * @return it as an inline script element
     */
    public static String script(String code) {
        if (code.contains("</script")) {
            throw new IllegalArgumentException("a page script must not contain </script");
        }
        return "<script>\n" + code + "\n</script>\n";
    }

    /** @return the end of the page */
    public static String close() {
        return "</body></html>\n";
    }
}
