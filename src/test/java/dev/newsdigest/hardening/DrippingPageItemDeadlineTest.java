package dev.newsdigest.hardening;

import java.util.Properties;

/** The dripping page with a long fetch timeout: the item's own deadline ({@code digest.llm.item-timeout}) bounds enrichment. */
class DrippingPageItemDeadlineTest extends DrippingPageTest {
    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.fetch.timeout", "10m");
        p.put("digest.llm.item-timeout", "2s");
        return p;
    }

    @Override
    protected String expectedReason() {
        // the item's budget started at its claim, a moment before the fetch: what is left of the 2 s is named, not 10 minutes
        return "timed out: not complete within (1\\.\\d|2\\.0)s";
    }
}
