package dev.limelight.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one page skeleton and escaper: what a user controls is shown as text, never run. */
class PageTest {

    @Test
    void aTitleThatLooksLikeMarkupIsShownAsText() {
        String page = Page.open("<img src=x onerror=alert(1)>", "") + Page.close();

        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>"), page);
        assertFalse(page.contains("<script"), "no script");
        assertFalse(page.contains("http://") || page.contains("https://"), "nothing fetched");
    }

    @Test
    void theEscaperCoversContentAndQuotedAttributes() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;&#x2400;", Html.escape("&<>\"'\0"));
        assertEquals("plain text", Html.escape("plain text"));
    }
}
