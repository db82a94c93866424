package dev.newsdigest.hardening;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed answer holding far more new entries than one poll should take (digest.feed.max-new-per-poll): each poll takes
 * the newest ones up to the cap and says how many are left; the rest wait in the state, and later polls take them,
 * even when the feed fails meanwhile, until every entry is processed exactly once.
 */
class FeedBacklogTest extends PipelineTestSupport {
    private static final int ENTRIES = 250;
    private final LogCapture log = new LogCapture();

    FeedBacklogTest() {
        // entry n was published n seconds before the first: 0 is the newest; its page is not served (the feed text stands in)
        web.serve("/flood.rss", 200, "application/rss+xml", GeneratedNews.feed("flood", 0, ENTRIES, List.of(web), Instant.now()));
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "flood");
        p.put("digest.feed.flood.url", web.url("/flood.rss"));
        p.put("digest.feed.flood.section", "news");
        p.put("digest.llm.provider", "offline");
        p.put("digest.feed.max-new-per-poll", "100");
        return p;
    }

    @AfterEach
    void stopCapture() {
        log.close();
    }

    @Test
    void aFeedOf250NewEntriesIsTakenAHundredAPollNewestFirstAndEveryEntryEndsUpDoneOnce() throws Exception {
        poll();
        assertThat(statuses()).isEqualTo(Map.of("DONE", 100, "NEW", 150));
        assertThat(done()).isEqualTo(stories(0, 100)); // the newest hundred
        assertThat(log.everything()).contains("fetch-feed: flood has 250 new entries waiting, taking the newest 100"
                + " (digest.feed.max-new-per-poll), 150 left for the next poll");

        web.queue("/flood.rss", 500); // the feed fails on the next poll: what it left waiting is still taken
        poll();
        assertThat(statuses()).isEqualTo(Map.of("DONE", 200, "NEW", 50));
        assertThat(done()).isEqualTo(stories(0, 200));
        assertThat(log.everything()).contains("flood has 150 new entries waiting, taking the newest 100 (digest.feed.max-new-per-poll), 50 left");

        poll(); // the same answer again: nothing in it is new, the last 50 waiting are taken
        // of that answer's 250 entries, the 200 done were duplicates; the 50 still waiting were not
        assertThat(duplicates()).isEqualTo(200.0);
        poll(); // nothing left
        assertThat(statuses()).isEqualTo(Map.of("DONE", ENTRIES));
        assertThat(done()).isEqualTo(stories(0, ENTRIES));
        for (int n = 0; n < ENTRIES; n++) {
            assertThat(occurrences(log.everything(), "collect-item: " + web.url(GeneratedNews.pagePath(n)) + " for "))
                    .as("story %d processed once", n).isEqualTo(1);
        }

        publish();
        TreeSet<String> published = new TreeSet<>();
        for (JsonNode item : digestJson().path("items")) {
            published.add(item.path("url").asText());
            item.path("sources").forEach(s -> published.add(s.path("url").asText()));
        }
        assertThat(published).hasSize(ENTRIES);
    }

    /** digest_items_duplicate_total of the feed so far. */
    private double duplicates() {
        var registry = context.getRegistry().lookupByNameAndType("metricsRegistry", io.micrometer.core.instrument.MeterRegistry.class);
        var counter = registry.find("digest.items.duplicate").tag("feed", "flood").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The feed's articles in the state, counted by status. */
    private Map<String, Integer> statuses() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = stateDatabase(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM article WHERE feed_id = 'flood' GROUP BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    /** The story numbers of the feed's articles that are done. */
    private TreeSet<Integer> done() throws Exception {
        TreeSet<Integer> numbers = new TreeSet<>();
        try (Connection c = stateDatabase(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT url FROM article WHERE feed_id = 'flood' AND status = 'DONE'")) {
            while (rs.next()) {
                numbers.add(Integer.parseInt(rs.getString(1).replaceAll(".*story-(\\d+)\\.html$", "$1")));
            }
        }
        return numbers;
    }

    private static TreeSet<Integer> stories(int from, int to) {
        return IntStream.range(from, to).boxed().collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
