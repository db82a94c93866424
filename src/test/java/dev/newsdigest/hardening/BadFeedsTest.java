package dev.newsdigest.hardening;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;

import dev.newsdigest.support.Fixtures;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken feeds through the real routes, beside a healthy feed. A broken feed gives one WARN line naming
 * it and the reason, shows up in feeds[] and the 取得状況 line, and the run goes on.
 */
class BadFeedsTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "bad,news");
        p.put("digest.feed.bad.url", web.url("/bad"));
        p.put("digest.fetch.max-bytes", "200000");
        return p;
    }

    static Stream<Arguments> brokenFeeds() {
        return Stream.of(
                Arguments.of("HTML error page", 200, "text/html", Fixtures.text("bad/feeds/html-error-page.html"), "an HTML page, not a feed"),
                Arguments.of("empty body", 200, "application/rss+xml", "", "empty body"),
                Arguments.of("HTTP 404", 404, "text/plain", "missing", "HTTP 404"),
                Arguments.of("HTTP 500", 500, "text/plain", "boom", "HTTP 500"),
                Arguments.of("over the size cap", 200, "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>" + "x".repeat(250_000) + "</title></channel></rss>", "digest.fetch.max-bytes"),
                Arguments.of("not XML at all", 200, "application/rss+xml", "{\"json\": true}", "not a readable RSS/Atom feed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFeeds")
    void brokenFeedIsReportedOnceAndTheRunGoesOn(String name, int status, String type, String body, String reason) {
        web.serve("/bad", status, type, body);
        try (LogCapture logs = new LogCapture()) {
            poll();
            assertThat(logs.warnings()).filteredOn(w -> w.contains("feed bad")).singleElement().asString().contains(reason);
        }
        publish();

        JsonNode d = digestJson();
        assertThat(d.path("items")).hasSize(3); // the healthy feed still went through
        JsonNode bad = d.path("feeds").get(0);
        assertThat(bad.path("id").asText()).isEqualTo("bad");
        assertThat(bad.path("ok").asBoolean()).isFalse();
        assertThat(bad.path("error").asText()).contains(reason);
        assertThat(bad.path("consecutiveFailures").asInt()).isEqualTo(1);
    }

    @Test
    void aFeedThatKeepsFailingShowsItsConsecutiveFailuresInTheDigest() {
        web.serve("/bad", 500, "text/plain", "boom");
        poll();
        poll();
        poll();
        publish();

        JsonNode bad = digestJson().path("feeds").get(0);
        assertThat(bad.path("consecutiveFailures").asInt()).isEqualTo(3);
        assertThat(markdown()).contains("取得状況: bad 失敗（新着 0件、連続3回失敗: HTTP 500 from " + web.url("/bad") + "） / news 正常（新着 3件）");
    }

    @Test
    void aFeedThatAnswers200WithSomethingElseIsAFailureEachTimeAndItsEtagIsNotKept() {
        web.serve("/bad", 200, "text/html", "<html><body>Service unavailable</body></html>").etag("/bad", "\"e1\"");
        poll();
        poll();
        poll();

        var store = context.getRegistry().lookupByNameAndType("stateStore", dev.newsdigest.state.StateStore.class);
        var status = store.feedStatuses().get("bad");
        assertThat(status.ok()).isFalse();
        assertThat(status.consecutiveFailures()).isEqualTo(3);   // so its health goes DOWN
        assertThat(status.error()).isEqualTo("an HTML page, not a feed").doesNotContain("Failed to invoke method");
        assertThat(store.feedValidators("bad")).containsOnlyNulls(); // never a 304 for an answer that was not a feed
        assertThat(web.requests("/bad")).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("if-none-match"));
        assertThat(context.getRegistry().lookupByNameAndType("feedHealth-bad", dev.newsdigest.observe.FeedHealthCheck.class)
                .call().getState()).isEqualTo(org.apache.camel.health.HealthCheck.State.DOWN);
    }

    @Test
    void anEndlessFeedIsCutOffAtTheSizeCapWhileReadingAndTheOtherFeedIsPublished() {
        // 2 GB announced by nobody (chunked), generated as it is written: a reader that buffers it all never finishes
        web.stream("/bad", "application/rss+xml", "<rss version=\"2.0\"><channel><title>", 2L << 30, 64 * 1024, 0);
        try (LogCapture logs = new LogCapture()) {
            poll();
            assertThat(logs.warnings()).anyMatch(w -> w.contains("feed bad failed: feed is larger than digest.fetch.max-bytes (200000 bytes)"));
        }
        publish();

        assertThat(web.bytesSent("/bad")).isLessThan(50L << 20); // the reader hung up near the cap, far from the 2 GB
        assertThat(digestJson().path("items")).hasSize(3);        // the healthy feed's items
    }

    @Test
    void malformedXmlWithUndeclaredPrefixesIsRecoveredWithAWarning() {
        web.serve("/bad", 200, "application/rss+xml", Fixtures.text("bad/feeds/undeclared-prefix.xml").replace("{{base}}", web.base()));
        try (LogCapture logs = new LogCapture()) {
            poll();
            assertThat(logs.warnings()).filteredOn(w -> w.contains("feed bad")).singleElement().asString()
                    .contains("not well-formed XML", "recovered with a lenient parse");
        }
        publish();

        assertThat(markdown()).contains("【要約】Recovered story one", "【要約】Recovered story two \\& more");
        assertThat(digestJson().path("feeds").get(0).path("ok").asBoolean()).isTrue();
    }

    @Test
    void entriesWithoutDateOrLinkWithRelativeLinksAndDuplicateGuidsAreHandled() {
        web.serve("/bad", 200, "application/rss+xml", Fixtures.text("bad/feeds/quirky-entries.xml"));
        try (dev.newsdigest.support.LogCapture logs = new dev.newsdigest.support.LogCapture()) {
            poll();
            // an entry needs an http(s) link to become an item: a guid alone is not one
            assertThat(logs.warnings()).anyMatch(w -> w.contains("'No link at all' skipped: it has no http(s) link"));
        }
        publish();

        String md = markdown();
        assertThat(md).contains("【要約】No date, relative link\n" + web.url("/pages/loader.html?relative=1") + "\n");
        assertThat(md).doesNotContain("No link at all", "Same guid again");
    }

    @Test
    void aGuidThatChangesBetweenPollsForTheSameLinkIsOneArticle() {
        String feed = "<rss version=\"2.0\"><channel><title>t</title><item><title>Story</title><link>%s</link><guid>%s</guid>"
                + "<description>d</description></item></channel></rss>";
        web.serve("/bad", 200, "application/rss+xml", feed.formatted(web.url("/pages/loader.html?id=9"), "guid-a"));
        poll();
        web.serve("/bad", 200, "application/rss+xml", feed.formatted(web.url("/pages/loader.html?id=9&utm_source=x"), "guid-b"));
        poll();
        publish();

        assertThat(occurrences(markdown(), "【要約】Story\n")).isEqualTo(1);
    }

    static Stream<Arguments> japaneseEncodings() {
        return Stream.of(
                Arguments.of("Shift_JIS", true), Arguments.of("Shift_JIS", false),
                Arguments.of("windows-31j", true), Arguments.of("windows-31j", false),
                Arguments.of("EUC-JP", true), Arguments.of("EUC-JP", false));
    }

    @ParameterizedTest(name = "{0}, declared in the prolog: {1}")
    @MethodSource("japaneseEncodings")
    void japaneseEncodingsDecodeFromThePrologOrTheHttpHeader(String charset, boolean inProlog) {
        // CP932 (windows-31j) has characters Shift_JIS lacks, such as the circled digit
        String title = charset.equals("windows-31j") ? "①不正アクセスで個人情報が流出 - 髙橋商事" : "不正アクセスで個人情報が流出 - 株式会社テスト";
        String xml = "<?xml version=\"1.0\"" + (inProlog ? " encoding=\"" + charset + "\"" : "") + "?>"
                + "<rss version=\"2.0\"><channel><title>日本語</title><item><title>" + title + "</title><link>"
                + web.url("/jp/" + charset + inProlog) + "</link><description>説明文</description></item></channel></rss>";
        web.serve("/bad", 200, "application/rss+xml" + (inProlog ? "" : "; charset=" + charset), "")
                .serveBytes("/bad", 200, "application/rss+xml" + (inProlog ? "" : "; charset=" + charset), xml.getBytes(Charset.forName(charset)));
        poll();
        publish();

        assertThat(markdown()).contains("【要約】" + title);
        assertThat(digestJson().path("items").toString().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
