package com.example.digest.enrich;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void japanesePageKeepsItsTextAndDropsNavigationShareBarsAndRelatedLinks() {
        String html = """
                <html><head><meta charset="utf-8"><meta property="og:title" content="病院でランサムウェア被害"></head><body>
                <header><nav><a href="/">ホーム</a> <a href="/news">ニュース</a></nav></header>
                <div class="share-buttons"><a href="#">ツイート</a> <a href="#">シェア</a></div>
                <div id="main"><div class="entry-content">
                <h1>病院でランサムウェア被害</h1>
                <p>京都府内の病院は、院内の複数のサーバがランサムウェアに感染したと発表した。電子カルテへの影響は確認されていないという。</p>
                <p>同院では外部の専門家と調査を進めており、診療は通常どおり続けている。個人情報が流出したかは調査中としている。</p>
                </div>
                <div class="related-posts"><ul><li><a href="/1">別の記事のタイトルです</a></li><li><a href="/2">さらに別の記事</a></li></ul></div>
                </div>
                <footer>Copyright</footer></body></html>""";
        ArticleExtractor.Extracted page = extractor.extract(html, "https://jp.example/a");
        assertThat(page.title()).isEqualTo("病院でランサムウェア被害");
        assertThat(page.text()).isEqualTo("""
                京都府内の病院は、院内の複数のサーバがランサムウェアに感染したと発表した。電子カルテへの影響は確認されていないという。
                同院では外部の専門家と調査を進めており、診療は通常どおり続けている。個人情報が流出したかは調査中としている。""");
    }

    @Test
    void jsonLdArticleBodyIsPreferredWhenItHoldsTheWholeText() {
        String body = "First paragraph of the article body, long enough to count as real text for the extractor here. ".repeat(3);
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + body + "\"}</script></head><body><div id=app>Loading</div></body></html>";
        assertThat(extractor.extract(html, "https://n.example/").text()).isEqualTo(body.strip());
    }
}
