package dev.newsdigest.feed;

import dev.newsdigest.model.Article;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.newsdigest.config.FeedConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    private final FeedParser parser = new FeedParser(Duration.ofDays(3), NOW);
    private final FeedConfig news = new FeedConfig("news", "https://feeds.example.com/rss/", FeedConfig.Section.NEWS, null, 1);

    @Test
    void skipsEntriesOlderThanMaxItemAgeAndKeepsUndatedOnes() {
        List<Article> articles = parser.parse(news, rss("""
                <item><title>Fresh</title><link>https://n.example/fresh</link><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
                <item><title>Stale</title><link>https://n.example/stale</link><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
                <item><title>Undated</title><link>https://n.example/undated</link></item>"""), null);
        assertThat(articles).extracting(Article::title).containsExactly("Fresh", "Undated");
        assertThat(articles.get(1).publishedAt()).isNull();
    }

    @Test
    void resolvesRelativeLinksAgainstTheFeedAndSkipsEntriesWithoutAnHttpLink() {
        List<Article> articles = parser.parse(news, rss("""
                <item><title>Relative</title><link>/news/1?utm_source=x</link></item>
                <item><title>No link</title><guid isPermaLink="false">tag:n.example,2026:42</guid></item>
                <item><title>Nothing at all</title></item>"""), null);
        assertThat(articles).extracting(Article::key)
                .containsExactly("https://feeds.example.com/news/1");
    }

    @Test
    void onlyHttpLinksBecomeItemLinksAndFeedTextIsCapped() {
        String longTitle = "T".repeat(100_000);
        List<Article> articles = parser.parse(news, rss("""
                <item><title>Script</title><link>javascript:alert(1)</link></item>
                <item><title>Data</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
                <item><title>File</title><link>file:///etc/passwd</link></item>
                <item><title>Guid only</title><guid isPermaLink="true">javascript:alert(2)</guid></item>
                <item><title>%s</title><link>https://n.example/long</link><description>%s</description></item>"""
                .formatted(longTitle, "D".repeat(50_000))), null);
        assertThat(articles).extracting(Article::url).containsExactly("https://n.example/long");
        assertThat(articles.get(0).title()).hasSize(FeedParser.MAX_TITLE + 1).endsWith("…");
        assertThat(articles.get(0).description()).hasSize(FeedParser.MAX_DESCRIPTION + 1);
    }

    @Test
    void includeFilterSelectsIncidentTitles() {
        FeedConfig incidents = new FeedConfig("jp", "https://jp.example/feed", FeedConfig.Section.INCIDENTS,
                java.util.regex.Pattern.compile("流出|ランサム"), 1);
        List<Article> articles = parser.parse(incidents, rss("""
                <item><title>顧客情報が流出</title><link>https://jp.example/1</link></item>
                <item><title>講習会のお知らせ</title><link>https://jp.example/2</link></item>"""), null);
        assertThat(articles).extracting(Article::title).containsExactly("顧客情報が流出");
        assertThat(articles.get(0).isIncident()).isTrue();
    }

    @Test
    void decodesShiftJisDeclaredOnlyInTheHttpHeader() {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>不正アクセスの被害</title><link>https://jp.example/3</link></item></channel></rss>";
        byte[] body = xml.getBytes(Charset.forName("Shift_JIS"));
        List<Article> articles = parser.parse(news, body, "application/rss+xml; charset=Shift_JIS");
        assertThat(articles.get(0).title()).isEqualTo("不正アクセスの被害");
    }

    @Test
    void htmlErrorPageAndEmptyBodyAreReportedAsNotAFeed() {
        assertThatThrownBy(() -> parser.parse(news, "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"))
                .isInstanceOf(FeedParser.FeedParseException.class).hasMessage("an HTML page, not a feed");
        assertThatThrownBy(() -> parser.parse(news, new byte[0], null))
                .isInstanceOf(FeedParser.FeedParseException.class).hasMessage("empty body");
    }

    private static byte[] rss(String items) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>" + items
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }
}
