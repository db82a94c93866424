package dev.newsdigest.cve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.newsdigest.cli.Launch;
import dev.newsdigest.publish.DigestPublisher;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.WebServer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn -B -Pbench-cve verify}: what CVE lookups add to a digest's close, on a day of N articles (default 60), each
 * naming its own CVE id, collected in --once's way (offline summaries, each page answering after P ms, 4 at a time) and
 * then published. NVD keeps to its public rate without a key (5 requests in a rolling 30 s, 403 beyond), lists every
 * id of the day as modified since yesterday, and the other sources answer at once. The close's added latency is the
 * publish time less that of the same day with CVE context off. Printed, never asserted; correctness is asserted.
 */
class CveCloseBenchmark {
    private static final int N = Integer.getInteger("bench.n", 60);
    private static final int PAGE = Integer.getInteger("bench.page", 1000);

    @Test
    void theClosesAddedLatencyWithSixtyCveIds() throws Exception {
        System.out.printf("CVE close benchmark: %d articles, one CVE id each, pages after %d ms, 4 at a time; NVD at 5 requests "
                + "per 30 s (no key), digest.cve.max-wait 60s%n", N, PAGE);
        close("warm-up (class loading and JIT, not counted)", Map.of("digest.cve.enabled", "false"), false);
        long off = close("CVE context off", Map.of("digest.cve.enabled", "false"), false);
        System.out.printf("  %-58s close %6d ms%n", "CVE context off", off);
        report("NVD at its public rate, with its sync (the default)", Map.of(), false, off);
        report("NVD at its public rate, ids asked one by one (sync off)", Map.of("digest.cve.nvd.sync.lookback", "0s"), false, off);
        report("NVD unreachable (connection refused)", Map.of(), true, off);
    }

    private void report(String name, Map<String, String> settings, boolean nvdDown, long off) throws Exception {
        long close = close(name, settings, nvdDown);
        System.out.printf("  %-58s close %6d ms, added by CVE lookups %6d ms%n", name, close, close - off);
    }

    /** Polls the day, then times its publication; checks the day came out with its CVE lines. */
    private long close(String name, Map<String, String> extra, boolean nvdDown) throws Exception {
        Path work = Files.createTempDirectory("cve-bench");
        try (WebServer pages = new WebServer(); WebServer feeds = new WebServer(); CveSourceServer sources = new CveSourceServer()) {
            GeneratedNews.servePages(pages, 0, N, PAGE);
            feeds.serve("/news.rss", 200, "application/rss+xml", GeneratedNews.feed("news", 0, N, List.of(pages), Instant.now()));
            sources.modified(IntStream.range(0, N).mapToObj(n -> "CVE-2026-" + (10000 + n)).toArray(String[]::new));
            sources.rateLimit(5, Duration.ofSeconds(30));
            Map<String, String> settings = new LinkedHashMap<>(Launch.ONCE);
            settings.put("digest.feeds", "news");
            settings.put("digest.feed.news.url", feeds.url("/news.rss"));
            settings.put("digest.feed.news.section", "news");
            settings.put("digest.feed.max-new-per-poll", String.valueOf(N));
            settings.put("digest.llm.provider", "offline");
            settings.put("digest.concurrency", "4");
            settings.put("digest.fetch.allow-private-addresses", "true");
            settings.put("digest.state.dir", work.resolve("state").toString());
            settings.put("digest.output.dir", work.resolve("out").toString());
            settings.put("camel.main.startup-summary-level", "Off");
            java.util.Properties p = new java.util.Properties();
            sources.configure(p);
            p.forEach((k, v) -> settings.put((String) k, (String) v));
            if (nvdDown) {
                settings.put("digest.cve.nvd.url", "http://127.0.0.1:" + Ports.freeOutsideEphemeralRange() + "/nvd");
            }
            settings.putAll(extra);
            Main main = Launch.newMain(settings);
            main.start();
            try {
                ProducerTemplate template = main.getCamelContext().createProducerTemplate();
                template.sendBody("direct:poll-feeds", null);
                DigestPublisher publisher = main.getCamelContext().getRegistry().lookupByNameAndType("digestPublisher", DigestPublisher.class);
                long t0 = System.nanoTime();
                for (LocalDate day : publisher.allPendingDays()) {
                    template.sendBody("direct:publish-day", day);
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                template.sendBody("direct:deliver-pending", null); // the file channel writes the Markdown
                String md;
                try (var files = Files.list(work.resolve("out"))) {
                    md = Files.readString(files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow());
                }
                assertThat(md).as(name).contains("Threat actors exploit flaw");
                if (!extra.containsKey("digest.cve.enabled")) {
                    assertThat(md).as(name).contains("CVE-2026-10000", "CVE情報:");
                    System.out.printf("  %-58s %s%n", "", md.lines().filter(l -> l.contains("CVE情報:")).findFirst().orElse("")
                            .replaceAll(".*CVE情報:", "CVE情報:"));
                }
                return millis;
            } finally {
                main.stop();
            }
        }
    }
}
