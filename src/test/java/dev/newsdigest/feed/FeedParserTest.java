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
    private final FeedConfig news = new FeedConfig("news", "https://feeds.example.com/rss/", FeedConfig.Section.NEWS, null, null, 1);

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
                java.util.regex.Pattern.compile("流出|ランサム"), null, 1);
        List<Article> articles = parser.parse(incidents, rss("""
                <item><title>顧客情報が流出</title><link>https://jp.example/1</link></item>
                <item><title>講習会のお知らせ</title><link>https://jp.example/2</link></item>"""), null);
        assertThat(articles).extracting(Article::title).containsExactly("顧客情報が流出");
        assertThat(articles.get(0).isIncident()).isTrue();
    }

    @Test
    void categoriesAreReadFromRssAndAtomAsPlainOneLineText() {
        List<Article> rss = parser.parse(news, rss("""
                <item><title>A</title><link>https://n.example/a</link><category>Security</category>
                <category><![CDATA[Deals &amp; Offers]]></category><category>  two&#x202E;
                  lines  </category><category>Security</category><category> </category></item>
                <item><title>B</title><link>https://n.example/b</link></item>"""), null);
        assertThat(rss.get(0).categories()).containsExactly("Security", "Deals & Offers", "two lines");
        assertThat(rss.get(1).categories()).isEmpty();

        String atom = """
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>
                <updated>2026-11-24T18:30:02Z</updated><entry><title>C</title><link href="https://n.example/c"/><id>urn:c</id>
                <updated>2026-11-24T18:30:02Z</updated><category term="Deals" label="Shopping deals"/><category term="Windows"/></entry></feed>""";
        assertThat(parser.parse(news, atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml").get(0).categories())
                .containsExactly("Deals", "Windows");
    }

    @Test
    void excludeDropsEntriesByTitleOrCategoryAndIncludeMatchesCategoriesToo() {
        String items = """
                <item><title>Save 80% on a VPN</title><link>https://n.example/deal</link><category>Deals</category></item>
                <item><title>Sponsored: a webinar</title><link>https://n.example/sponsored</link><category>Security</category></item>
                <item><title>Exploited flaw in FortiWeb</title><link>https://n.example/forti</link><category>Security</category></item>
                <item><title>New Windows update</title><link>https://n.example/win</link><category>Microsoft</category></item>""";
        FeedConfig excluding = new FeedConfig("news", "https://n.example/feed", FeedConfig.Section.NEWS, null,
                java.util.regex.Pattern.compile("^Deals$|^Sponsored:"), 1);
        assertThat(parser.parse(excluding, rss(items), null)).extracting(Article::title)
                .containsExactly("Exploited flaw in FortiWeb", "New Windows update");

        FeedConfig including = new FeedConfig("news", "https://n.example/feed", FeedConfig.Section.NEWS,
                java.util.regex.Pattern.compile("^Security$|Windows"), java.util.regex.Pattern.compile("^Sponsored:"), 1);
        assertThat(parser.parse(including, rss(items), null)).extracting(Article::title)
                .containsExactly("Exploited flaw in FortiWeb", "New Windows update");
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
