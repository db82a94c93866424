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
    void aListOfTeasersBesideAShortArticleIsNeitherTheArticleNorTakenAlong() {
        String excerpt = "An excerpt of another story that reads like prose, names a vendor and a flaw, and ends with a full stop as"
                + " a sentence does, long enough to be taken for a paragraph.";
        String teaser = "<div><h3><a href=\"/other\">A headline of another story on the site</a></h3><p>" + excerpt + "</p></div>";
        String html = "<html><body><div class=\"wrap\"><div><h1>Router maker patches a flaw</h1><span>14 March 2024</span>"
                + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(2) + "</div><div>" + teaser.repeat(5) + "</div></div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).doesNotContain("excerpt of another story", "A headline of another story");
        assertThat(text.lines().filter(SENTENCE.repeat(2).strip()::equals)).hasSize(2);
    }

    @Test
    void aShortBodyUnderTheHeadlineBeatsALongerRunOfDatedEntriesElsewhere() {
        String entry = "<div class=\"e\"><b>A reader</b> <span>12 March 2024 10:03</span><p>I think this is a long opinion, and I"
                + " have a lot to say about it, about vendors, about patches, and about the state of things in general.</p>"
                + "<p>And another paragraph, because one was not enough to say all of it, with commas, and more commas.</p></div>";
        String html = "<html><body><div><div><h1>Router maker patches a flaw</h1><span>14 March 2024</span>"
                + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(2) + "</div></div><div><div>" + entry.repeat(8) + "</div></div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).doesNotContain("long opinion", "A reader");
        assertThat(text.lines().filter(SENTENCE.repeat(2).strip()::equals)).hasSize(2);
    }

    @Test
    void aShortBodyUnderTheHeadlineBeatsALongerLinkDenseBlockElsewhere() {
        String item = "<p>Read <a href=\"/x\">our earlier coverage of the ransomware gang and the hospital attacks, in several parts,"
                + "</a> and <a href=\"/y\">the advisory</a>, with more, see there.</p>";
        String html = "<html><body><div><div><h1>Router maker patches a flaw</h1>"
                + ("<p>" + SENTENCE.repeat(2) + "</p>").repeat(2) + "</div></div><div class=\"x\">" + item.repeat(10) + "</div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).doesNotContain("earlier coverage");
        assertThat(text.lines().filter(SENTENCE.repeat(2).strip()::equals)).hasSize(2);
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

    private static final String POST = "<p>The vendor released firmware 4.2.1 on Tuesday. It fixes a flaw in the web interface that lets an attacker run commands without logging in.</p>"
            + "<p>Owners should install the update and, until they can, switch remote administration off.</p>";

    private static String reply(int n, String date) {
        return "<div class=\"r\" id=\"r" + n + "\"><div class=\"r-head\"><b>Reader " + n + "</b> <a href=\"#r" + n + "\">" + date + "</a></div>"
                + "<p>Reply number " + n + ": " + SENTENCE.repeat(3) + "</p><a href=\"?replyto=" + n + "\">Reply</a></div>";
    }

    @Test
    void aShortPostUnderItsTitleBeatsALongerThreadOfDatedEntriesWithReplyLinksWhateverTheirClassNames() {
        StringBuilder thread = new StringBuilder("<div class=\"resp\"><h3>8 responses</h3>");
        for (int n = 1; n <= 8; n++) {
            thread.append(reply(n, "14 March 2024 at 09:1" + n));
        }
        String html = "<html><head><meta property=\"og:title\" content=\"Patch now\"></head><body><div class=\"col-main\">"
                + "<div class=\"single\"><h1>Patch now</h1><div class=\"when\">14 March 2024</div>" + POST + "</div>"
                + thread + "</div></div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).contains("firmware 4.2.1", "remote administration off").doesNotContain("Reply number", "Reader 1");
    }

    @Test
    void repliesAsArticlesWithAHeaderAndAFooterAreAThreadToo() {
        StringBuilder thread = new StringBuilder("<section class=\"talk\"><h2>Reader replies (5)</h2>");
        for (int n = 1; n <= 5; n++) {
            thread.append("<article class=\"reply\"><header><span class=\"who\">Reader ").append(n).append("</span> <time datetime=\"2024-08-21\">Aug 21, 10:0")
                    .append(n).append("</time></header><p>Reply number ").append(n).append(": ").append(SENTENCE.repeat(3))
                    .append("</p><footer><a href=\"#t").append(n).append("\">Permalink</a> <a href=\"?reply=t").append(n).append("\">Reply</a></footer></article>");
        }
        String html = "<html><body><main><article class=\"post\"><h1>Extension turned adware</h1>" + POST + "</article>" + thread
                + "</section></main></body></html>";
        assertThat(extractor.extract(html, "https://n.example/").text()).contains("firmware 4.2.1").doesNotContain("Reply number");
    }

    @Test
    void aThreadThatIsTheWholePageIsStillRead() {
        StringBuilder thread = new StringBuilder("<div class=\"resp\">");
        for (int n = 1; n <= 4; n++) {
            thread.append(reply(n, "14 March 2024"));
        }
        String html = "<html><body><h2>Forum</h2>" + thread + "</div></body></html>";
        assertThat(extractor.extract(html, "https://n.example/").text()).contains("Reply number 1");
    }

    @Test
    void aFooterWithAddressPhoneHoursAndRegisterIsNotArticleTextHoweverLongItsLines() {
        String footer = "<div class=\"region-bottom\"><div class=\"b-col\"><h4>Customer service</h4>"
                + "<p>Westbrook Utilities, Customer Service Centre, 12 Harbour Road, 2nd floor, Westbrook, WB4 7QT, United Kingdom</p>"
                + "<p>Telephone: +44 1632 960 418, Fax: +44 1632 960 419, Email: service@westbrook.example</p>"
                + "<p>Opening hours: Monday to Friday, 8:00 to 18:00, Saturday, 9:00 to 13:00, closed on Sundays and on public holidays.</p>"
                + "<p>Emergencies, gas leaks, power cuts, burst water mains: 0800 111 999, free of charge, 24 hours a day, 7 days a week.</p></div>"
                + "<div class=\"b-col\"><p>Westbrook Utilities Ltd, Riverside House, 40 Mill Lane, Westbrook. Registered in England and Wales, "
                + "company number 01234567, VAT registration number GB 123 4567 89.</p></div></div>";
        String html = "<html><head><meta property=\"og:title\" content=\"Warning: fake invoices\"></head><body><div class=\"page-wrap\">"
                + "<div class=\"region-content\"><div class=\"news-item\"><h1>Warning: fake invoices</h1>"
                + "<p>Customers are receiving emails with fake invoices that appear to come from us. We never ask for payment through links in emails.</p>"
                + "<p>If you have entered your card details on such a page, contact your bank straight away.</p></div></div>"
                + footer + "</div></body></html>";
        String text = extractor.extract(html, "https://n.example/").text();
        assertThat(text).contains("fake invoices that appear", "contact your bank").doesNotContain("Harbour Road", "Opening hours", "company number");
    }
}
