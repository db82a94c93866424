package dev.newsdigest.hardening;

import java.nio.charset.Charset;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Article pages that cannot be used fall back to the feed description, logged with the reason; the run goes on. */
class BadPagesTest extends PipelineTestSupport {
    private static final String FEED_TEXT = "The feed's own description of the story, used when the page is no good.";
    private static final String JAPANESE = "京都府内の病院で複数のサーバがランサムウェアに感染し、電子カルテの一部が閲覧できなくなった。";

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "one");
        p.put("digest.feed.one.url", web.url("/one.rss"));
        p.put("digest.fetch.timeout", "1s");
        p.put("digest.fetch.max-bytes", "200000");
        web.serve("/one.rss", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title><item><title>The story</title><link>%s</link>
                <description>%s</description></item></channel></rss>""".formatted(web.url("/page"), FEED_TEXT));
        return p;
    }

    static Stream<Arguments> unusablePages() {
        return Stream.of(
                Arguments.of("read timeout", (Consumer<WebServer>) w -> w.serve("/page", 200, "text/html", article("slow")).delay("/page", 3000), "timed out"),
                Arguments.of("redirect loop", (Consumer<WebServer>) w -> w.serve("/page", 302, "text/plain", "").header("/page", "Location", "/page"), "more than 5 redirects"),
                Arguments.of("seven redirects", (Consumer<WebServer>) w -> {
                    for (int i = 0; i < 7; i++) {
                        String from = i == 0 ? "/page" : "/r" + i;
                        w.serve(from, 301, "text/plain", "").header(from, "Location", "/r" + (i + 1));
                    }
                    w.serve("/r7", 200, "text/html", article("far away"));
                }, "more than 5 redirects"),
                Arguments.of("a PDF", (Consumer<WebServer>) w -> w.serve("/page", 200, "application/pdf", "%PDF-1.7 ..."), "not HTML (application/pdf)"),
                Arguments.of("an image", (Consumer<WebServer>) w -> w.serve("/page", 200, "image/png", "\u0089PNG"), "not HTML (image/png)"),
                Arguments.of("HTTP 404", (Consumer<WebServer>) w -> w.serve("/page", 404, "text/html", "<h1>Not found</h1>"), "HTTP 404"),
                Arguments.of("HTTP 503", (Consumer<WebServer>) w -> w.serve("/page", 503, "text/html", "<h1>Busy</h1>"), "HTTP 503"),
                Arguments.of("text only rendered by JavaScript", (Consumer<WebServer>) w -> w.serve("/page", 200, "text/html",
                        "<html><body><div id=root></div><script>render()</script></body></html>"), "yielded only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusablePages")
    void unusablePageFallsBackToTheFeedText(String name, Consumer<WebServer> page, String reason) {
        page.accept(web);
        try (LogCapture logs = new LogCapture()) {
            poll();
            assertThat(logs.warnings()).filteredOn(w -> w.contains(web.url("/page"))).singleElement().asString()
                    .contains(reason, "using the feed description");
        }
        publish();

        JsonNode item = digestJson().path("items").get(0);
        assertThat(item.path("textSource").asText()).isEqualTo("feed");
        assertThat(model.articleRequests().get(0).toString()).contains(FEED_TEXT);
    }

    @Test
    void oversizedPageIsCutOffAtTheCapAndStillUsed() {
        web.serve("/page", 200, "text/html; charset=utf-8", "<html><body><article>"
                + ("<p>" + "A long paragraph about the incident, repeated to make the page far larger than the cap. ".repeat(10) + "</p>").repeat(500)
                + "</article></body></html>");
        poll();
        publish();

        assertThat(digestJson().path("items").get(0).path("textSource").asText()).isEqualTo("page");
        String sent = model.articleRequests().get(0).path("messages").get(1).path("content").asText();
        assertThat(sent.length()).isLessThan(200_000).isGreaterThan(5_000);
    }

    static Stream<Arguments> charsets() {
        return Stream.of(
                Arguments.of("declared only in the HTTP header", "text/html; charset=Shift_JIS", page(""), "Shift_JIS", false),
                Arguments.of("declared only in <meta charset>", "text/html", page("<meta charset=\"EUC-JP\">"), "EUC-JP", false),
                Arguments.of("declared nowhere", "text/html", page(""), "EUC-JP", false),
                Arguments.of("wrong in the header, right in <meta>", "text/html; charset=UTF-8", page("<meta charset=\"Shift_JIS\">"), "Shift_JIS", false),
                Arguments.of("a UTF-8 BOM against a wrong header", "text/html; charset=Shift_JIS", page(""), "UTF-8", true));
    }

    @ParameterizedTest(name = "charset {0}")
    @MethodSource("charsets")
    void pageCharsetIsResolvedByBomHeaderMetaThenDetection(String name, String contentType, String html, String encoding, boolean bom) {
        byte[] body = html.getBytes(Charset.forName(encoding));
        if (bom) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        web.serveBytes("/page", 200, contentType, body);
        poll();
        publish();

        assertThat(digestJson().path("items").get(0).path("textSource").asText()).isEqualTo("page");
        assertThat(model.articleRequests().get(0).path("messages").get(1).path("content").asText()).contains(JAPANESE);
    }

    private static String article(String words) {
        return "<html><body><article><p>" + ("This page is about " + words + ". ").repeat(20) + "</p></article></body></html>";
    }

    private static String page(String meta) {
        return "<html><head>" + meta + "<title>病院</title></head><body><article><p>" + JAPANESE + "</p><p>" + JAPANESE
                + "診療は通常どおり続けている。</p><p>" + JAPANESE + "個人情報が流出したかどうかは調査中。</p></article></body></html>";
    }
}
