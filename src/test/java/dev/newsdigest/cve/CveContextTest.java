package dev.newsdigest.cve;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import dev.newsdigest.publish.DigestRenderer;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CVE context through the real routes and camel-http, against local servers that answer as NVD, the CVE record API,
 * CISA KEV, FIRST EPSS and MyJVN do, from real records.
 */
class CveContextTest extends PipelineTestSupport {
    static final String SIMPLEHELP = "CVE-2024-57727"; // in the KEV sample; unknown to NVD and to the CVE record API here
    static final String ANT = "CVE-2020-1945";         // NVD's own score (the NVD sample) and a JVN entry
    static final String DLINK = "CVE-2015-2051";       // no NVD score: the CVE record's CISA ADP score

    private final CveSourceServer sources = new CveSourceServer();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        cveNews(p, web, sources);
        return p;
    }

    /** The news feed of two articles that name CVEs, and the CVE sources at {@code sources}. */
    static void cveNews(Properties p, dev.newsdigest.support.WebServer web, CveSourceServer sources) {
        p.put("digest.feed.news.url", web.url("/cve-news.rss"));
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news.rss")
                .serveResource("/cve/ant.html", "text/html; charset=utf-8", "fixtures/cve/ant.html")
                .serveResource("/cve/dlink.html", "text/html; charset=utf-8", "fixtures/cve/dlink.html");
        sources.configure(p);
    }

    @AfterEach
    void stopSources() {
        sources.close();
    }

    @Test
    void everyCveOfTheDigestGetsOneLineWithEachSourcesFigures() {
        poll();
        publish();

        String md = markdown();
        assertThat(md).contains("- CVE情報\n"
                + "    - " + SIMPLEHELP + " — EPSS 0.94 (p99.9) · KEV 2025-02-13, due 2025-03-06\n"
                + "    - " + ANT + " — CVSS 6.3 (MEDIUM, NVD v3.1) · EPSS 0.0027 (p65.2) · JVNDB-2020-005021\n");
        assertThat(md).contains("- CVE情報\n    - " + DLINK + " — CVSS 8.8 (HIGH, CISA-ADP v3.1) · EPSS 0.97 (p100.0)\n");
        assertThat(md).contains("CVE情報: NVD 正常, CVE 正常, EPSS 正常, KEV 正常, JVN 正常");

        JsonNode ant = cve(digestJson(), ANT);
        assertThat(ant.path("cvss").path("score").asDouble()).isEqualTo(6.3);
        assertThat(ant.path("cvss").path("vector").asText()).isEqualTo("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:N");
        assertThat(ant.path("cvss").path("source").asText()).isEqualTo("NVD");
        assertThat(ant.path("epss").path("probability").asDouble()).isEqualTo(0.00267);
        assertThat(ant.path("epss").path("date").asText()).isEqualTo("2026-11-25");
        assertThat(ant.path("kev").isNull()).isTrue();
        assertThat(ant.path("jvn").path("url").asText()).isEqualTo("https://jvndb.jvn.jp/ja/contents/2020/JVNDB-2020-005021.html");
        assertThat(ant.path("cpes").toString()).contains("cpe:2.3:a:apache:ant:*:*:*:*:*:*:*:*");
        assertThat(ant.path("missing")).isEmpty();
        JsonNode kev = cve(digestJson(), SIMPLEHELP).path("kev");
        assertThat(kev.path("vendorProject").asText()).isEqualTo("SimpleHelp"); // published with a trailing space
        assertThat(kev.path("knownRansomwareCampaignUse").asText()).isEqualTo("Unknown");
        assertThat(cve(digestJson(), DLINK).path("cpes").toString()).contains("cpe:2.3:h:dlink:dir-645");

        // the catalog once, each id's EPSS score once (an item's ids in one request), NVD's sync once and then each id
        // it did not list, the CVE record only where NVD has no score of its own
        assertThat(sources.requests("kev")).hasSize(1);
        assertThat(sources.requests("epss")).flatExtracting(r -> List.of(r.query().get("cve").split(",")))
                .containsExactlyInAnyOrder(SIMPLEHELP, ANT, DLINK);
        assertThat(sources.nvdSyncs()).hasSize(1);
        assertThat(sources.nvdLookups()).extracting(r -> r.query().get("cveId")).containsExactlyInAnyOrder(SIMPLEHELP, ANT, DLINK);
        assertThat(sources.requests("record")).hasSize(2);
        assertThat(sources.requests("jvn")).extracting(r -> r.query().get("keyword")).containsExactlyInAnyOrder(SIMPLEHELP, ANT, DLINK);
        assertThat(sources.nvdLookups().get(0).headers()).doesNotContainKey("apikey")
                .containsEntry("user-agent", dev.newsdigest.config.FetchSettings.DEFAULT_USER_AGENT);
    }

    @Test
    void storedAnswersServeWhileFreshAndAStaleCatalogIsRevalidatedWithAConditionalGet() throws Exception {
        Digest first = lookUp(SIMPLEHELP, ANT);
        int requests = allRequests();
        Digest again = lookUp(SIMPLEHELP, ANT);
        assertThat(allRequests()).as("every answer is younger than its max-age").isEqualTo(requests);
        assertThat(contexts(again)).isEqualTo(contexts(first));

        age("kev", 2);
        Digest revalidated = lookUp(SIMPLEHELP, ANT);
        assertThat(sources.requests("kev")).hasSize(2);
        CveSourceServer.Request conditional = sources.requests("kev").get(1);
        assertThat(conditional.headers()).containsEntry("if-none-match", CveSourceServer.KEV_ETAG)
                .containsEntry("if-modified-since", CveSourceServer.KEV_LAST_MODIFIED);
        assertThat(allRequests()).isEqualTo(requests + 1);
        assertThat(contexts(revalidated)).isEqualTo(contexts(first)); // the 304 kept the stored catalog
        assertThat(revalidated.cveSourceStates()).allMatch(Digest.CveSourceState::ok);
    }

    @Test
    void aSourceThatFailsLeavesItsStoredAnswerInUseAndTheDigestSaysWhatIsMissing() throws Exception {
        lookUp(SIMPLEHELP);
        age("kev", 2);
        sources.answer("kev", 503);
        sources.answer("epss", 503);

        Digest digest = lookUp(SIMPLEHELP, DLINK);

        CveContext simpleHelp = contexts(digest).get(0);
        assertThat(simpleHelp.kev().dateAdded()).isEqualTo("2025-02-13"); // from the stored catalog
        assertThat(simpleHelp.epss().probability()).isEqualTo(0.94312);   // stored yesterday, still in use
        assertThat(simpleHelp.missing()).isEmpty();
        CveContext dlink = contexts(digest).get(1);
        assertThat(dlink.epss()).isNull();
        assertThat(dlink.missing()).containsExactly("EPSS");
        assertThat(dlink.cvss().source()).isEqualTo("CISA-ADP");
        assertThat(digest.cveSourceStates()).contains(new Digest.CveSourceState("KEV", false, "HTTP 503", 0),
                new Digest.CveSourceState("EPSS", false, "HTTP 503", 1));

        String md = context.getRegistry().lookupByNameAndType("digestRenderer", DigestRenderer.class).markdown(digest);
        assertThat(md).contains("    - " + DLINK + " — CVSS 8.8 (HIGH, CISA-ADP v3.1) · 未取得: EPSS\n",
                "EPSS 失敗（HTTP 503、1件の情報なし）", "KEV 失敗（HTTP 503、保存済みの情報を使用）");

        // the source is back: the missing score is fetched, the failure is gone
        sources.answer("epss", 0);
        Digest later = lookUp(SIMPLEHELP, DLINK);
        assertThat(contexts(later).get(1).epss().probability()).isEqualTo(0.97224);
        assertThat(later.cveSourceStates()).contains(new Digest.CveSourceState("EPSS", true, null, 0));
    }

    @Test
    void anAnswerThatIsNotTheSourcesFormatIsAFailureNotAnAnswer() {
        sources.answer("nvd", "<html><body>Service unavailable</body></html>".getBytes());
        Digest digest = lookUp(ANT);
        assertThat(contexts(digest).get(0).missing()).containsExactly("NVD");
        assertThat(contexts(digest).get(0).cvss()).isNull();
        assertThat(digest.cveSourceStates()).anySatisfy(s -> {
            assertThat(s.source()).isEqualTo("NVD");
            assertThat(s.ok()).isFalse();
            assertThat(s.error()).isEqualTo("NVD の応答が JSON ではありません"); // in words, not the parser's
        });
    }

    private Digest lookUp(String... ids) {
        return template.requestBody("direct:cve-context", naming(ids), Digest.class);
    }

    /** A digest of one item that names {@code ids}, as the cve-context route receives it. */
    static Digest naming(String... ids) {
        List<Ioc> iocs = java.util.Arrays.stream(ids).map(id -> new Ioc("cve", id)).toList();
        DigestItem item = new DigestItem("news", "https://news.example/a", "t", "t", null, List.of("s"), iocs, List.of(), List.of(),
                List.of(), false, null, "offline", "page", DigestItem.Usage.NONE);
        return new Digest("2026-11-25", 1, "2026-11-25T23:55:02+09:00", "ja", null, "", List.of(), List.of(item), List.of(),
                List.of(), List.of(), new Digest.Usage(0, 0, 0, false));
    }

    private static List<CveContext> contexts(Digest digest) {
        return digest.items().get(0).cveContexts();
    }

    private int allRequests() {
        return List.of("nvd", "record", "kev", "epss", "jvn").stream().mapToInt(s -> sources.requests(s).size()).sum();
    }

    /** Makes {@code source}'s stored answers {@code days} old, as a later day would find them. */
    private void age(String source, int days) throws Exception {
        try (var c = stateDatabase(); PreparedStatement u = c.prepareStatement("UPDATE cve_source SET checked_at = ? WHERE source = ?")) {
            u.setTimestamp(1, Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)));
            u.setString(2, source);
            assertThat(u.executeUpdate()).isPositive();
        }
    }

    private static JsonNode cve(JsonNode digest, String id) {
        for (JsonNode item : digest.path("items")) {
            for (JsonNode cve : item.path("cves")) {
                if (cve.path("id").asText().equals(id)) {
                    return cve;
                }
            }
        }
        throw new AssertionError(id + " is in no item's cves");
    }
}
