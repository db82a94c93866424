package dev.newsdigest.publish;

import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Incident;
import dev.newsdigest.model.Ioc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestRendererTest {
    private final DigestRenderer renderer = new DigestRenderer();

    private static DigestItem item(String title, String url, List<String> summary, List<Ioc> iocs) {
        return new DigestItem("news", url, title, title, null, summary, iocs, List.of(), List.of(), List.of(), false, null,
                "offline", "page", DigestItem.Usage.NONE);
    }

    private static Digest digest(List<DigestItem> items, List<Incident> incidents, List<Digest.Action> actions) {
        return new Digest("2026-11-25", 1, "2026-11-25T23:55:02+09:00", "ja", null, "overview", actions, items, incidents,
                List.of(new Digest.FeedState("news", true, items.size(), null, 0),
                        new Digest.FeedState("jp", false, 0, "HTTP 500", 3)), List.of(),
                new Digest.Usage(0, 0, 0, false));
    }

    @Test
    void hostileTextCannotBecomeLiveHtmlOrLinks() {
        String md = renderer.markdown(digest(
                List.of(item("<script>alert(1)</script> [click](javascript:alert(1))", "javascript:alert(1)",
                        List.of("**bold** <img src=x onerror=alert(1)> & `code`"), List.of())),
                List.of(new Incident("jp", "[x](javascript:evil)", "https://jp.example/a b)", null)),
                List.of(new Digest.Action("<b>t</b>", "javascript:alert(1)", "reason"))));

        // rendered by a real CommonMark parser, nothing hostile becomes markup
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
        assertThat(html).doesNotContain("<script", "<img", "href=\"javascript", "<strong>", "<code>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(md).contains("### \\<script\\>alert(1)\\</script\\> \\[click\\](javascript:alert(1))");
        assertThat(md).contains("- \\<b\\>t\\</b\\>: reason"); // no link for a non-http URL
        assertThat(md).contains("\\[x\\](javascript:evil)(https://jp.example/a%20b%29)");
    }

    @Test
    void itemsBeyondMaxFullAreOneEscapedLineEachWithTheirEventTypeInWords() {
        DigestItem hostile = item("<script>x</script> *bold* [click](javascript:alert(1)) | #", "https://n.example/h?a=(1)", List.of("s"), List.of())
                .withEvent(List.of(), List.of(), "vulnerability-exploited", null, null);
        DigestItem untyped = item("Untyped", "https://n.example/u", List.of("s"), List.of());
        Digest d = digest(List.of(item("Full", "https://n.example/f", List.of("s"), List.of()), hostile, untyped), List.of(), List.of());

        String md = new DigestRenderer(1).markdown(d);

        assertThat(md).contains("### Full\n").doesNotContain("### \\<script").doesNotContain("### Untyped");
        assertThat(md).contains("\n### その他のニュース\n- [\\<script\\>x\\</script\\> \\*bold\\* \\[click\\](javascript:alert(1)) \\| \\#]"
                + "(https://n.example/h?a=%281%29) — 脆弱性の悪用\n- [Untyped](https://n.example/u)\n\n### 日本の侵害事例\n");
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
        assertThat(html).doesNotContain("<script", "<em>", "href=\"javascript").contains("href=\"https://n.example/h?a=%281%29\"");
        // English words; every item in full without a limit, and the JSON keeps them all either way
        Digest en = new Digest(d.date(), 1, d.generatedAt(), "en", null, "o", List.of(), d.items(), List.of(), d.feeds(), List.of(), d.usage());
        assertThat(new DigestRenderer(2).markdown(en)).contains("\n### Other news\n- [Untyped](https://n.example/u)\n");
        assertThat(new DigestRenderer(0).markdown(d)).doesNotContain("その他のニュース").contains("### Untyped");
        assertThat(new DigestRenderer(1).json(d)).isEqualTo(new DigestRenderer().json(d));
    }

    @Test
    void emptyListsGetTheirPlaceholdersAndIocsAreDefanged() {
        String md = renderer.markdown(digest(
                List.of(item("A", "https://n.example/a", List.of("s"), List.of(
                        new Ioc("ipv4", "203.0.113.45"), new Ioc("url", "http://update-check.example.net/fw"),
                        new Ioc("domain", "evil.example.com"), new Ioc("email", "user@example.com"),
                        new Ioc("ipv6", "2001:db8::1"), new Ioc("sha256", "ab".repeat(32)), new Ioc("cve", "CVE-2025-1")))),
                List.of(), List.of()));

        assertThat(md).contains("## 課題\n\nN/A\n",
                "    - 203[.]0[.]113[.]45\n", "    - hxxp://update-check[.]example[.]net/fw\n", "    - evil[.]example[.]com\n",
                "    - user[@]example[.]com\n", "    - 2001[:]db8::1\n", "    - " + "ab".repeat(32) + "\n", "    - CVE-2025-1\n",
                "- 推奨事項\n    - 不明\n", "- AIの推奨事項\n    - なし\n", "### 日本の侵害事例\n- 該当なし\n");
        assertThat(md).endsWith("---\n取得状況: news 正常（新着 1件） / jp 失敗（新着 0件、連続3回失敗: HTTP 500）\n");
    }

    @Test
    void anItemWithTwoThousandCveIdsShowsItsTenMostSevereThenHowManyMoreAndTheJsonKeepsThemAll() throws Exception {
        List<CveContext> cves = new java.util.ArrayList<>();
        for (int n = 9999; n < 11999; n++) {
            cves.add(new CveContext("CVE-2025-" + n, null, null, null, null, List.of(), List.of("limit"))); // not looked up
        }
        set(cves, "CVE-2025-10500", cvss(5.0), null, kev());
        set(cves, "CVE-2025-10400", cvss(9.8), null, kev());
        set(cves, "CVE-2025-10300", cvss(10.0), null, null);
        set(cves, "CVE-2025-10200", cvss(9.8), epss(0.5), null);
        set(cves, "CVE-2025-10201", cvss(9.8), epss(0.9), null);
        set(cves, "CVE-2025-10100", cvss(9.8), null, null);
        set(cves, "CVE-2025-10000", cvss(7.0), null, null);
        set(cves, "CVE-2025-9999", cvss(7.0), null, null);
        java.util.Collections.shuffle(cves, new java.util.Random(7));
        DigestItem item = item("Two thousand ids", "https://n.example/a", List.of("s"), List.of()).withCves(cves);

        String md = renderer.markdown(digest(List.of(item), List.of(), List.of()));
        List<String> shown = md.lines().dropWhile(l -> !l.equals("- CVE情報")).skip(1).takeWhile(l -> l.startsWith("    - ")).toList();
        assertThat(shown).extracting(l -> l.replaceFirst("^    - (\\S+).*", "$1")).containsExactly(
                "CVE-2025-10400", "CVE-2025-10500", // in KEV, then by CVSS
                "CVE-2025-10300", "CVE-2025-10201", "CVE-2025-10200", "CVE-2025-10100", // CVSS, then EPSS
                "CVE-2025-9999", "CVE-2025-10000", // the same scores: by id, as numbers
                "CVE-2025-10001", "CVE-2025-10002", // no data: last, by id
                "他");
        assertThat(shown.get(10)).isEqualTo("    - 他 1990 件");

        Digest english = new ObjectMapper().readValue(renderer.json(digest(List.of(item), List.of(), List.of())), Digest.class);
        english = new Digest(english.date(), english.revision(), english.generatedAt(), "en", null, english.overview(), english.actions(),
                english.items(), english.incidents(), english.feeds(), english.cveSourceStates(), english.usage());
        assertThat(renderer.markdown(english)).contains("    - and 1990 more\n").doesNotContain("CVE-2025-10003");

        JsonNode json = new ObjectMapper().readTree(renderer.json(digest(List.of(item), List.of(), List.of())));
        assertThat(json.path("items").get(0).path("cves")).hasSize(2000);
        String mail = new dev.newsdigest.delivery.MailHtml().render(md, "digest");
        assertThat(org.jsoup.Jsoup.parse(mail).select("li li").eachText()).filteredOn(t -> t.startsWith("CVE-")).hasSize(10);
        assertThat(mail).contains("他 1990 件");
    }

    private static CveContext.Cvss cvss(double score) {
        return new CveContext.Cvss(score, null, null, "3.1", "NVD");
    }

    private static CveContext.Epss epss(double probability) {
        return new CveContext.Epss(probability, 0.5, "2026-11-25");
    }

    private static CveContext.Kev kev() {
        return new CveContext.Kev("2025-11-14", "2025-11-21", "Unknown", "Vendor", "Product");
    }

    private static void set(List<CveContext> cves, String id, CveContext.Cvss cvss, CveContext.Epss epss, CveContext.Kev kev) {
        cves.replaceAll(c -> c.id().equals(id) ? new CveContext(id, cvss, epss, kev, null, List.of(), List.of()) : c);
    }

    @Test
    void jsonKeepsPlainIocValuesAndEveryField() {
        String json = new String(renderer.json(digest(
                List.of(item("A", "https://n.example/a", List.of(), List.of(new Ioc("url", "http://evil.example.net/x")))),
                List.of(), List.of())), StandardCharsets.UTF_8);
        assertThat(json).contains("\"value\": \"http://evil.example.net/x\"", "\"actionReason\": null", "\"actions\": []",
                "\"publishedAt\": null", "\"budgetReached\": false");
    }

    @Test
    void anIocOnlyLessTrustedFeedsNameShowsThemAndAnOlderDigestWithoutTheMarkReadsAsBefore() throws Exception {
        Digest digest = digest(List.of(item("A", "https://n.example/a", List.of("s"), List.of(new Ioc("ipv4", "203.0.113.5"),
                new Ioc("url", "http://evil-fix.com/x.exe", List.of("reposts")),
                new Ioc("domain", "evil-fix.com", List.of("reposts", "mirror_2"))))), List.of(), List.of());

        assertThat(renderer.markdown(digest)).contains("- IOCの列挙\n    - 203[.]0[.]113[.]5\n",
                "    - hxxp://evil-fix[.]com/x.exe (出典: reposts のみ)\n", "    - evil-fix[.]com (出典: reposts, mirror\\_2 のみ)\n");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode iocs = mapper.readTree(renderer.json(digest)).path("items").get(0).path("iocs");
        assertThat(iocs.get(0).has("onlyFrom")).isFalse();
        assertThat(iocs.get(1).path("onlyFrom").toString()).isEqualTo("[\"reposts\"]");
        assertThat(mapper.readValue(renderer.json(digest), Digest.class).items().get(0).iocs()).isEqualTo(digest.items().get(0).iocs());
        // an IOC written before the mark existed
        assertThat(mapper.readValue("{\"type\":\"ipv4\",\"value\":\"203.0.113.5\"}", Ioc.class)).isEqualTo(new Ioc("ipv4", "203.0.113.5"));
    }
}
