package dev.newsdigest.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.newsdigest.delivery.AtomFeed;
import dev.newsdigest.delivery.MailHtml;
import dev.newsdigest.delivery.OutputFiles.OutputFile;
import dev.newsdigest.state.StateStore.DayDigest;
import dev.newsdigest.support.AtomRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The archive site built from the example days, read back with jsoup: what each page says, that every link between
 * pages lands on a page and an anchor that exist, that a hostile title stays text, and the accessibility rules axe-core
 * checks that can be read off the markup (the browser test runs axe-core itself, where Chromium is installed).
 * {@code docs/digest-example/site/} is what it writes for the example days, byte for byte: run with
 * {@code -Dsite.golden.write=true} to write it after a deliberate change, then read the difference.
 */
class ArchiveSiteTest {
    private static final MailHtml HTML = new MailHtml();
    private final ArchiveSite site = new ArchiveSite("ja", "", HTML, new AtomFeed("news-digest", "ja", 30, HTML));

    static Map<String, byte[]> files(List<OutputFile> built) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (OutputFile f : built) {
            assertThat(f.name()).startsWith(ArchiveSite.DIR);
            assertThat(files.put(f.name().substring(ArchiveSite.DIR.length()), f.bytes())).as("written twice: " + f.name()).isNull();
        }
        return files;
    }

    private static Document page(Map<String, byte[]> files, String name) {
        assertThat(files).containsKey(name);
        return Jsoup.parse(new String(files.get(name), StandardCharsets.UTF_8), "file:///site/" + name);
    }

    @Test
    void theExampleDaysGiveTheExampleSiteByteForByte() throws Exception {
        Map<String, byte[]> files = files(site.build(SiteDays.examples()));
        Path golden = SiteDays.EXAMPLE.resolve("site");
        if (Boolean.getBoolean("site.golden.write")) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.createDirectories(golden.resolve(f.getKey()).getParent());
                Files.write(golden.resolve(f.getKey()), f.getValue());
            }
        }
        try (Stream<Path> walk = Files.walk(golden)) {
            assertThat(walk.filter(Files::isRegularFile).map(p -> golden.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet()))
                    .isEqualTo(files.keySet());
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).as(f.getKey())
                    .isEqualTo(Files.readString(golden.resolve(f.getKey()), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theIndexListsEachDayNewestFirstWithItsTlpActionItemsAndNews() throws Exception {
        Document index = page(files(site.build(SiteDays.examples())), "index.html");

        List<List<String>> rows = index.select("table.days tbody tr").stream()
                .map(tr -> tr.select("th, td").stream().map(Element::text).toList()).toList();
        assertThat(rows).containsExactly(List.of("2026-11-26", "TLP:AMBER", "1", "2"), List.of("2026-11-25", "", "1", "2"));
        assertThat(index.select("table.days tbody th a").eachAttr("href")).containsExactly("2026-11-26.html", "2026-11-25.html");
        assertThat(index.select("ul.stories li")).singleElement().satisfies(li -> {
            assertThat(li.text()).contains("FortiWebで2件目の脆弱性の悪用を確認", "2026-11-25 – 2026-11-26", "2日にわたる");
            assertThat(li.selectFirst("a").attr("href")).matches("stories/s-[0-9a-f]{12}\\.html");
        });
        assertThat(index.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo("feed.atom");
    }

    @Test
    void aFollowUpLinksToTheDayItsStoryBeganAndEveryDayLinksTheStorysPage() throws Exception {
        Map<String, byte[]> files = files(site.build(SiteDays.examples()));
        Document second = page(files, "2026-11-26.html");
        Element heading = second.select("h3").stream().filter(h -> h.text().startsWith("【続報】FortiWeb")).findFirst().orElseThrow();
        String anchor = heading.id();
        assertThat(anchor).matches("s-[0-9a-f]{12}");
        Element story = heading.nextElementSibling().nextElementSibling();
        assertThat(story.hasClass("story")).isTrue();
        assertThat(story.select("a").eachAttr("href")).containsExactly("2026-11-25.html#" + anchor, "stories/" + anchor + ".html");

        Document first = page(files, "2026-11-25.html");
        Element began = first.getElementById(anchor);
        assertThat(began).isNotNull();
        assertThat(began.text()).doesNotContain("【続報】");
        // the first day says where the story went, not where it began
        assertThat(began.nextElementSibling().nextElementSibling().select("a").eachAttr("href")).containsExactly("stories/" + anchor + ".html");

        Document storyPage = page(files, "stories/" + anchor + ".html");
        List<String> told = storyPage.select("ol.story-days > li > h2").eachText();
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).startsWith("2026-11-25 初出: FortiWeb");
        assertThat(storyPage.select("ol.story-days > li > h2 > a").eachAttr("href"))
                .containsExactly("../2026-11-25.html#" + anchor, "../2026-11-26.html#" + anchor);
        assertThat(storyPage.select("ol.story-days > li > h2").get(1).text()).startsWith("2026-11-26 【続報】FortiWebで2件目");
        // a story told on one day only has no page of its own
        assertThat(files.keySet().stream().filter(n -> n.startsWith("stories/"))).containsExactly("stories/" + anchor + ".html");
    }

    @Test
    void everyLinkBetweenPagesLeadsToAFileOfTheSiteAndEveryAnchorToAnElementThere() throws Exception {
        List<DayDigest> days = new ArrayList<>(SiteDays.examples());
        days.add(0, SiteDays.hostile("2026-11-27"));
        Map<String, byte[]> files = files(site.build(days));
        int checked = 0;
        for (String name : files.keySet().stream().filter(n -> n.endsWith(".html")).toList()) {
            Document doc = page(files, name);
            for (Element link : doc.select("a[href], link[href], script[src]")) {
                String ref = link.hasAttr("src") ? link.attr("src") : link.attr("href");
                if (ref.startsWith("https://")) {
                    assertThat(link.tagName()).as(name + ": only links to articles leave the site: " + ref).isEqualTo("a");
                    continue;
                }
                String resolved = java.net.URI.create("file:///site/" + name).resolve(ref).getPath();
                String target = resolved.substring("/site/".length());
                String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
                if (target.isEmpty() || target.equals(name) && !fragment.isEmpty()) {
                    target = name;
                }
                assertThat(files).as(name + " links " + ref).containsKey(target);
                if (!fragment.isEmpty()) {
                    assertThat(page(files, target).getElementById(fragment)).as(name + " links " + ref).isNotNull();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void aHostileTitleSummaryAndLinkReachThePagesAsTextNeverAsMarkup() throws Exception {
        List<DayDigest> days = new ArrayList<>(SiteDays.examples());
        days.add(0, SiteDays.hostile("2026-11-27"));
        Map<String, byte[]> files = files(site.build(days));
        for (String name : files.keySet().stream().filter(n -> n.endsWith(".html")).toList()) {
            Document doc = page(files, name);
            assertThat(doc.select("img")).as(name).isEmpty();
            assertThat(doc.select("script").eachAttr("src")).as(name).allMatch(src -> Set.of("search-index.js", "search.js").contains(src));
            assertThat(doc.select("script").stream().filter(s -> !s.data().isBlank())).as(name).isEmpty();
            assertThat(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().toLowerCase().startsWith("on"))).as(name).isEmpty();
            assertThat(doc.select("a[href]").eachAttr("href")).as(name).noneMatch(h -> h.toLowerCase().startsWith("javascript:"));
        }
        Document day = page(files, "2026-11-27.html");
        assertThat(day.select("h3").eachText()).contains(SiteDays.HOSTILE);
        assertThat(day.text()).contains("</li><script>alert(2)</script>");
        String index = new String(files.get("search-index.js"), StandardCharsets.UTF_8);
        assertThat(index).contains("\\\"><script>alert('x')</script> 攻撃の見出し");
    }

    @Test
    void everyPageCarriesThePolicyAndLoadsOnlyTheSitesOwnStyleSheetAndScripts() throws Exception {
        Map<String, byte[]> files = files(site.build(SiteDays.examples()));
        for (String name : files.keySet().stream().filter(n -> n.endsWith(".html")).toList()) {
            Document doc = page(files, name);
            assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).as(name).isEqualTo(ArchiveSite.CSP);
            assertThat(doc.select("head > meta").first().attr("charset")).as(name).isEqualTo("utf-8");
            assertThat(doc.select("link[rel=stylesheet]").eachAttr("href")).as(name).containsExactly(name.contains("/") ? "../site.css" : "site.css");
            assertThat(doc.select("[style], style, iframe, object, embed, base")).as(name).isEmpty();
        }
        assertThat(ArchiveSite.CSP).contains("default-src 'none'", "script-src 'self'").doesNotContain("unsafe");
        String css = new String(files.get("site.css"), StandardCharsets.UTF_8);
        assertThat(css).contains("@media print", "prefers-color-scheme: dark").doesNotContain("@import", "url(", "http");
    }

    /** The rules of axe-core that the markup alone decides (the browser test runs axe-core itself). */
    @Test
    void everyPagePassesTheAccessibilityRulesThatTheMarkupDecides() throws Exception {
        List<DayDigest> days = new ArrayList<>(SiteDays.examples());
        days.add(0, SiteDays.hostile("2026-11-27"));
        Map<String, byte[]> files = files(site.build(days));
        for (String name : files.keySet().stream().filter(n -> n.endsWith(".html")).toList()) {
            Document doc = page(files, name);
            // html-has-lang, document-title, landmark-one-main, page-has-heading-one, bypass
            assertThat(doc.selectFirst("html").attr("lang")).as(name).isEqualTo("ja");
            assertThat(doc.title()).as(name).isNotBlank();
            assertThat(doc.select("main")).as(name).hasSize(1);
            assertThat(doc.select("h1")).as(name).hasSize(1);
            assertThat(doc.selectFirst("body > a.skip").attr("href")).as(name).isEqualTo("#main");
            // heading-order: no level skipped going down
            int level = 0;
            for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
                int next = h.tagName().charAt(1) - '0';
                assertThat(next).as(name + ": " + h.text()).isLessThanOrEqualTo(level + 1);
                level = next;
            }
            // duplicate-id, link-name, label, th-has-data-cells/scope, nav with a name
            Set<String> ids = new HashSet<>();
            doc.select("[id]").forEach(e -> assertThat(ids.add(e.id())).as(name + ": id " + e.id()).isTrue());
            doc.select("a").forEach(a -> assertThat(a.text()).as(name + ": a link without a name").isNotBlank());
            doc.select("input").forEach(i -> assertThat(doc.select("label[for=" + i.id() + "]")).as(name).hasSize(1));
            doc.select("th").forEach(th -> assertThat(th.attr("scope")).as(name).isIn("col", "row"));
            doc.select("nav").forEach(n -> assertThat(n.attr("aria-label")).as(name).isNotBlank());
        }
    }

    @Test
    void theSitesFeedLinksTheDayPagesAndSaysWhereItIsWhenTheSiteUrlIsKnown() throws Exception {
        Map<String, byte[]> relative = files(site.build(SiteDays.examples()));
        var feed = AtomRules.check(relative.get("feed.atom"));
        assertThat(feed.getOtherLinks()).isEmpty();
        assertThat(feed.getEntries().get(0).getAlternateLinks()).extracting(l -> l.getHref()).containsExactly("2026-11-26.html");

        ArchiveSite served = new ArchiveSite("ja", "https://intranet.example.com/digests/", HTML, new AtomFeed("news-digest", "ja", 30, HTML));
        var absolute = AtomRules.check(files(served.build(SiteDays.examples())).get("feed.atom"));
        assertThat(absolute.getOtherLinks()).singleElement().satisfies(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo("https://intranet.example.com/digests/feed.atom");
        });
        assertThat(absolute.getEntries()).flatExtracting(e -> e.getAlternateLinks()).extracting(l -> l.getHref())
                .containsExactly("https://intranet.example.com/digests/2026-11-26.html", "https://intranet.example.com/digests/2026-11-25.html");
    }

    @Test
    void anEnglishSiteSpeaksEnglishAroundTheDigests() throws Exception {
        ArchiveSite english = new ArchiveSite("en", "", HTML, new AtomFeed("news-digest", "en", 30, HTML));
        Map<String, byte[]> files = files(english.build(SiteDays.examples()));
        Document index = page(files, "index.html");
        assertThat(index.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(index.select("h1").text()).isEqualTo("Digest archive");
        assertThat(index.select("table.days thead th").eachText()).containsExactly("Day", "TLP", "Action items", "News");
        assertThat(page(files, "search.html").select("label[for=q]").text()).isEqualTo("Search titles, summaries, IOCs and CVEs");
        assertThat(page(files, "2026-11-26.html").select("p.story").text()).startsWith("Where this story began: 2026-11-25");
    }

    @Test
    void withTheFeedTurnedOffTheSiteHasNoFeedAndNoPageLinksOne() throws Exception {
        ArchiveSite noFeed = new ArchiveSite("ja", "", HTML, new AtomFeed("news-digest", "ja", 0, HTML));
        Map<String, byte[]> files = files(noFeed.build(SiteDays.examples()));
        assertThat(files).doesNotContainKey("feed.atom").containsKey("index.html");
        for (String name : files.keySet().stream().filter(n -> n.endsWith(".html")).toList()) {
            assertThat(page(files, name).select("[href$=feed.atom]")).as(name).isEmpty();
        }
    }
}
