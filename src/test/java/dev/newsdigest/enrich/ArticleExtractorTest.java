package dev.newsdigest.enrich;

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

    private static final String SENTENCE = "The attackers used the flaw to reach the management interface and then moved laterally. ";

    @Test
    void anArticleInsideAnAsideIsFoundByTheLenientPass() {
        String html = "<html><body><div id=\"mastergridBanner\"><aside class=\"page\"><section class=\"story\">"
                + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(5) + "</section></aside></div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text.lines()).hasSize(5).allSatisfy(line -> assertThat(line).isEqualTo(SENTENCE.repeat(2).strip()));
    }

    @Test
    void aBodySplitByMediaAndSectionWrappersIsKeptWholeInOrder() {
        String html = "<html><body><div class=\"page\"><div class=\"wrap\">"
                + "<section><div><p>First part. " + SENTENCE + "</p><p>" + SENTENCE + SENTENCE + "</p><p>" + SENTENCE + "</p></div></section>"
                + "<figure><img src=\"/chart.png\" alt=\"\"></figure>"
                + "<section><div><p>Second part. " + SENTENCE + "</p></div></section>"
                + "</div></div><div class=\"promo-box\"><p><a href=\"/x\">Another story entirely, a teaser link</a></p></div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).contains("First part.", "Second part.").doesNotContain("teaser");
        assertThat(text.indexOf("First part.")).isLessThan(text.indexOf("Second part."));
    }

    @Test
    void theLeadAPageSetsApartBeforeTheBodyIsKept() {
        String html = "<html><body><article><header><h1>Title</h1><div class=\"article-lead\">A lead that says in one sentence what happened, to whom, and what the reader should do now.</div>"
                + "<div class=\"byline\">By Someone, 3 hours ago</div></header>"
                + "<div class=\"article-body\">" + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(4) + "</div></article></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).startsWith("A lead that says in one sentence what happened").doesNotContain("By Someone");
    }

    @Test
    void theStandfirstThePageDescribesItselfWithIsKeptEvenInABoxTheCleanerDrops() {
        String lead = "Die Behörde warnt vor einer Schwachstelle in verbreiteten Routern, die bereits ausgenutzt wird.";
        String html = "<html><head><meta name=\"description\" content=\"" + lead + "\"></head><body>"
                + "<div class=\"item-caption\"><p class=\"item-description\">" + lead + "</p></div>"
                + "<article>" + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(3) + "</article></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text.lines().toList()).hasSize(4).first().isEqualTo(lead);
    }

    @Test
    void aDescriptionOnlyInTheHeadOrOnlyHiddenAddsNothing() {
        String described = "A summary that exists only for search engines and is not printed anywhere on the page itself.";
        String onlyInHead = "<html><head><meta property=\"og:description\" content=\"" + described + "\"></head><body><article>"
                + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(3) + "</article></body></html>";
        String hidden = onlyInHead.replace("<article>", "<div hidden><p>" + described + "</p></div><article>");
        assertThat(extractor.extract(onlyInHead, "https://n.example/").text()).doesNotContain("search engines").hasLineCount(3);
        assertThat(extractor.extract(hidden, "https://n.example/").text()).doesNotContain("search engines").hasLineCount(3);
    }

    @Test
    void aDescriptionThatIsTheFirstParagraphIsNotRepeated() {
        String first = "First paragraph, which the page also gives as its description, word for word and in full.";
        String html = "<html><head><meta name=\"description\" content=\"" + first + "\"></head><body><article><p>" + first + "</p>"
                + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(3) + "</article></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text.lines().filter(first::equals)).hasSize(1);
    }

    @Test
    void theWrapperHoldingMostOfThePagesProseIsKeptThoughItsClassNamesAShareBar() {
        String about = "This site has written about networks, routers and the people who keep them running, every week, since 2009. ";
        String html = "<html><body><div class=\"site-about\"><p>" + about.repeat(5) + "</p></div>"
                + "<div class=\"entry themeform share\">" + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(8) + "</div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text.lines().filter(SENTENCE.repeat(2).strip()::equals)).hasSize(8);
    }

    @Test
    void teasersOfOtherStoriesNearTheArticleAreNotTakenForItsProse() {
        String teaser = "<article class=\"item\"><a href=\"/other\"><h4>Another story</h4><p class=\"item__dek\">A teaser sentence of"
                + " another story, long enough and ending like prose does, to tempt the extractor.</p></a></article>";
        String html = "<html><body><main><div class=\"list\"><div class=\"col\">" + teaser + teaser + "</div></div>"
                + "<div class=\"wrap\"><section><div class=\"body\">" + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(4)
                + "</div></section></div></main></body></html>";
        assertThat(extractor.extract(html, "https://n.example/").text()).doesNotContain("teaser sentence").hasLineCount(4);
    }

    @Test
    void relatedBoxesAndTheirHeadingsInsideTheArticleAreDropped() {
        String html = "<html><body><article>" + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(4)
                + "<h3>Mehr zum Thema</h3><ul><li><a href=\"/a\">Erster anderer Artikel</a></li><li><a href=\"/b\">Zweiter</a></li></ul>"
                + "<p>Teilen</p><div class=\"author-box\"><p>Jane Doe writes about security for this site since 2019.</p></div>"
                + "</article></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).doesNotContain("Mehr zum Thema", "anderer Artikel", "Teilen", "Jane Doe");
        assertThat(text.lines()).hasSize(4);
    }

    @Test
    void noticeLinesGoButSecurityProseWithTheSameWordsStays() {
        String prose = "State-sponsored hackers and a ransomware affiliate stole session cookies of 2 million subscribers.";
        String html = "<html><body><article>" + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(3) + "<p>" + prose + "</p>"
                + "<p>Sign up for our newsletter.</p><p>© 2026 Example Media. All rights reserved.</p><p>Foto: Jane Doe</p>"
                + "</article></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).contains(prose).doesNotContain("newsletter", "All rights reserved", "Foto:");
    }

    @Test
    void dateStampsCreditsSubscriptionAndFollowPromptsGoButDatesInsideProseStay() {
        String prose = "The vendor published a fix on 12.03.2026 at 10:30, and updated it on March 14 after reports of crashes.";
        String html = "<html><body><article>" + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(3) + "<p>" + prose + "</p>"
                + "<p>Updated on: November 19, 2019 / 10:07 AM</p><p>Veröffentlicht am 16.08.2019</p><p>23.10.2018</p><p>3:59 PM</p>"
                + "<p>(Quelle: Foto Steven Doe)</p><p>Titelbild: picture-alliance</p><p>Advert</p><p>DON'T MISS</p>"
                + "<p>This slideshow requires JavaScript.</p><p>[button link=\"/submit\"] Send us YOUR review[/button]</p>"
                + "<p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p>"
                + "<p>If you're seeing this message but you're already a subscriber, you can log in for immediate access to this story.</p>"
                + "<p>If you enjoyed reading this post – would you consider supporting our work? Just click here.</p>"
                + "<p>Siguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones</p>"
                + "<p>SUGGESTED CITATION Doe, Jane: Expert*innen in der Krise, Blog, 2020/4/09</p></article></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).contains(prose).hasLineCount(4);
    }

    @Test
    void aPageRepeatingItsDescriptionsFirstWordsEverywhereIsNotSearchedForALeadWithoutEnd() {
        String lead = "Alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november.";
        String decoy = "<a href=\"/t\">Alpha bravo charlie delta echo</a> ";
        String html = "<html><head><meta name=\"description\" content=\"" + lead + "\"></head><body><nav>"
                + decoy.repeat(500) + "</nav><div class=\"item-caption\"><p>" + lead + "</p></div><article>"
                + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(3) + "</article></body></html>";
        // the twenty-first look-alike ends the search: the real lead after five hundred of them is not reached
        assertThat(extractor.extract(html, "https://n.example/").text()).doesNotContain("foxtrot");
        String near = html.replace(decoy.repeat(500), decoy.repeat(5));
        assertThat(extractor.extract(near, "https://n.example/").text()).startsWith(lead);
    }
}
