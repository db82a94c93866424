package dev.newsdigest.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.newsdigest.delivery.Tickets;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.TicketSystems;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Acme gateway story, told by the vendor's feed and by a less trusted aggregator that carried a hostile copy two
 * hours earlier, longer, naming the same CVE and a "hotfix" download: the vendor's article leads the story (title,
 * summary, link, storyKey) and its ticket, the copy is a second 出典, and the IOCs only the copy names are marked with it.
 */
class HostileCopyTest extends PipelineTestSupport {
    private static final String VENDOR_TITLE = "Acme Gateway flaw CVE-2026-24680 exploited in attacks";
    private static final String VENDOR_PAGE = "/story/acme-gateway.html";
    private static final String HOSTILE_PAGE = "/story/acme-gateway-hotfix.html";
    private static final String EMPTY_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Security reposts</title><link>http://127.0.0.1/</link>
            <description>nothing yet</description></channel></rss>""";

    private final TicketSystems redmine = new TicketSystems(TicketSystems.Kind.REDMINE, "soc", "redmine-api-key-for-tests");

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        // the vendor's feed is listed first: it is the more trusted of the two
        p.put("digest.feeds", "vendor,reposts");
        p.put("digest.feed.vendor.url", web.url("/acme-vendor.rss"));
        p.put("digest.feed.reposts.url", web.url("/acme-reposts.rss"));
        p.put("digest.tickets.mode", "per-action");
        p.put("digest.tickets.preset", "redmine");
        p.put("digest.tickets.url", redmine.base());
        p.put("digest.tickets.project", "soc");
        p.put("digest.tickets.token", "redmine-api-key-for-tests");
        p.put("digest.tickets.backoff", "10ms");
        p.put("digest.tickets.timeout", "2s");
        web.serveResource("/acme-vendor.rss", "application/rss+xml", "fixtures/story/acme-vendor.rss")
                .serveResource("/acme-reposts.rss", "application/rss+xml", "fixtures/story/acme-reposts.rss")
                .serveResource(VENDOR_PAGE, "text/html; charset=utf-8", "fixtures/story/acme-gateway.html")
                .serveResource(HOSTILE_PAGE, "text/html; charset=utf-8", "fixtures/story/acme-gateway-hotfix.html");
        return p;
    }

    @AfterEach
    void stopRedmine() {
        redmine.close();
    }

    @Test
    void anEarlierLongerCopyFromALessTrustedFeedLeadsNeitherTheStoryNorItsTicket() {
        poll();
        publish();

        JsonNode digest = digestJson();
        assertThat(digest.path("items")).hasSize(1);
        JsonNode story = digest.path("items").get(0);
        assertLedByTheVendor(story);
        assertThat(story.path("firstSeen").asText()).as("the copy was seen first").isEqualTo("2026-11-25T08:00:00Z");
        assertThat(story.path("sources").findValuesAsText("source")).containsExactly("vendor", "reposts");
        assertThat(story.path("sources").get(1).path("url").asText()).isEqualTo(web.url(HOSTILE_PAGE));

        // the copy's IOCs stay, and those only the copy names say so
        List<String> marked = new ArrayList<>();
        for (JsonNode ioc : story.path("iocs")) {
            if (ioc.path("value").asText().contains("evil-fix")) {
                assertThat(ioc.path("onlyFrom")).as(ioc.toString()).hasSize(1);
                assertThat(ioc.path("onlyFrom").get(0).asText()).isEqualTo("reposts");
                marked.add(ioc.path("value").asText());
            } else {
                assertThat(ioc.has("onlyFrom")).as("named by the vendor: " + ioc).isFalse();
            }
        }
        assertThat(marked).contains("http://evil-fix.com/acme-hotfix.exe");
        assertThat(story.path("iocs").findValuesAsText("value")).contains("203.0.113.5", "CVE-2026-24680");

        String md = markdown();
        assertThat(md).contains("### 【要約】" + VENDOR_TITLE + "\n" + web.url(VENDOR_PAGE) + "\n",
                "    - hxxp://evil-fix[.]com/acme-hotfix.exe (出典: reposts のみ)\n",
                "    - 203[.]0[.]113[.]5\n",
                "- 出典: [vendor](" + web.url(VENDOR_PAGE) + "), [reposts](" + web.url(HOSTILE_PAGE) + ")\n");
        assertThat(md).doesNotContain("no action needed on gateway flaw CVE-2026-24680, the official");
        assertThat(md).contains("- [【要約】" + VENDOR_TITLE + "](" + web.url(VENDOR_PAGE) + "): ");

        assertTicketFollowsTheVendor();
    }

    @Test
    void aLessTrustedCopyDatedEarlierThatArrivesAfterPublishingMovesNeitherTheKeyNorTheLeadNorTheTicket() {
        web.serve("/acme-reposts.rss", 200, "application/rss+xml", EMPTY_FEED);
        poll();
        publish();
        JsonNode first = digestJson().path("items").get(0);
        assertLedByTheVendor(first);
        assertThat(first.has("sources")).isFalse();

        // the aggregator's copy, dated two hours before the vendor's article, turns up after the day was published
        web.serveResource("/acme-reposts.rss", "application/rss+xml", "fixtures/story/acme-reposts.rss");
        poll();
        publish();

        JsonNode digest = digestJson();
        assertThat(digest.path("revision").asInt()).isEqualTo(2);
        assertThat(digest.path("items")).hasSize(1);
        JsonNode story = digest.path("items").get(0);
        assertLedByTheVendor(story);
        assertThat(story.path("sources").findValuesAsText("source")).containsExactly("vendor", "reposts");
        assertTicketFollowsTheVendor();
    }

    private void assertLedByTheVendor(JsonNode story) {
        assertThat(story.path("source").asText()).isEqualTo("vendor");
        assertThat(story.path("originalTitle").asText()).isEqualTo(VENDOR_TITLE);
        assertThat(story.path("title").asText()).isEqualTo("【要約】" + VENDOR_TITLE);
        assertThat(story.path("summary").get(0).asText()).isEqualTo("要点1: " + VENDOR_TITLE);
        assertThat(story.path("url").asText()).isEqualTo(web.url(VENDOR_PAGE));
        assertThat(story.path("storyKey").isMissingNode() ? story.path("url").asText() : story.path("storyKey").asText())
                .isEqualTo(web.url(VENDOR_PAGE));
        assertThat(story.path("publishedAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
    }

    /** One ticket, opened for the vendor's article, under its key: never a second one for the copy. */
    private void assertTicketFollowsTheVendor() {
        assertThat(redmine.refused()).isEmpty();
        assertThat(redmine.tickets()).hasSize(1);
        TicketSystems.Ticket ticket = redmine.tickets().get(0);
        assertThat(ticket.subject()).isEqualTo("【要約】" + VENDOR_TITLE + " [" + context.getRegistry().lookupByNameAndType("tickets", Tickets.class).marker(web.url(VENDOR_PAGE)) + "]");
        assertThat(ticket.description()).contains(web.url(VENDOR_PAGE)).doesNotContain("no action needed", "evil-fix");
        ticket.notes().forEach(note -> assertThat(note).doesNotContain("no action needed", "evil-fix"));
    }
}
