package dev.newsdigest;

import dev.newsdigest.cli.Launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn -B -Pbench verify}: the real routes in-process ({@code --once}'s own code path) against local servers: N
 * generated articles over 4 feeds, pages spread over the host names 127.0.0.1 to 127.0.0.4 answering after P ms, and
 * an OpenAI-compatible stub answering after L ms. Prints wall time against the ideal {@code ceil(N/c) x (P + L)} plus
 * the overview call, peak heap, model calls, and input tokens per article against raw page bytes; then runs again on
 * fresh de-duplication state with the same model-answer cache. A short warm-up pass comes first (class loading and
 * JIT of a fresh JVM). Finally a 500-article day, to show it fits the heap
 * the profile gives the JVM (-Xmx256m). Correctness is asserted; times are printed, never asserted.
 */
class ThroughputBenchmark {
    private static final int N = Integer.getInteger("bench.n", 200);
    private static final int LATENCY = Integer.getInteger("bench.latency", 500);
    private static final int PAGE = Integer.getInteger("bench.page", 50);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final int FEEDS = 4;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void throughputCostAndMemory() throws Exception {
        Path work = Files.createTempDirectory("digest-bench");
        Path cache = work.resolve("llm-cache");
        System.out.printf("throughput benchmark: N=%d articles over %d feeds, pages on 4 hosts after P=%d ms, model after L=%d ms, "
                + "concurrency %d, max-concurrent %d, heap limit %d MB%n", N, FEEDS, PAGE, LATENCY, CONCURRENCY, CONCURRENCY,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        // a fresh JVM loads and compiles every class on the first articles; a short warm-up pass (its own state and cache)
        // takes that out of the measured run, as a long-running daemon would have it behind it
        Run warmUp = run(32, 0, 0, work.resolve("state-0"), work.resolve("llm-cache-0"), work.resolve("out-0"));
        System.out.printf("warm-up:    32 articles, L=0, P=0: wall %d ms (Camel start %d ms)%n", warmUp.millis, warmUp.startMillis);

        Run first = run(N, LATENCY, PAGE, work.resolve("state-1"), cache, work.resolve("out-1"));
        long ideal = (long) Math.ceil(N / (double) CONCURRENCY) * (PAGE + LATENCY) + LATENCY;
        System.out.printf("first run:  wall %d ms (Camel start %d ms, not counted), ideal %d ms = ceil(%d/%d) x (%d + %d) + %d "
                        + "(overview), ratio %.2f%n", first.millis, first.startMillis, ideal, N, CONCURRENCY, PAGE, LATENCY,
                LATENCY, first.millis / (double) ideal);
        System.out.printf("            peak heap %d MB, model calls %d (%d articles + %d overview), %d input tokens per article "
                        + "(stub estimate, 4 characters per token) against %d raw page bytes per article (%.1f%%)%n",
                first.peakHeapMb, first.modelCalls, first.articleCalls, first.modelCalls - first.articleCalls,
                first.promptTokens / Math.max(1, first.articleCalls), first.pageBytesPerArticle,
                100.0 * first.promptTokens / Math.max(1, first.articleCalls) / first.pageBytesPerArticle);
        System.out.printf("            model calls in flight at most %d (digest.llm.max-concurrent %d)%n", first.peakModelCalls, CONCURRENCY);
        assertThat(first.items).isEqualTo(N);
        assertThat(first.articleCalls).isEqualTo(N);

        Run cached = run(N, LATENCY, PAGE, work.resolve("state-2"), cache, work.resolve("out-2"));
        System.out.printf("cached run (fresh de-duplication state, same cache): wall %d ms = %.0f%% of the first, model calls %d "
                + "(%d articles + %d overview), peak heap %d MB%n", cached.millis, 100.0 * cached.millis / first.millis,
                cached.modelCalls, cached.articleCalls, cached.modelCalls - cached.articleCalls, cached.peakHeapMb);
        assertThat(cached.items).isEqualTo(N);
        assertThat(cached.modelCalls).isZero(); // the overview's answer is cached too

        Run day = run(500, 20, 5, work.resolve("state-3"), work.resolve("llm-cache-3"), work.resolve("out-3"));
        System.out.printf("500-article day (L=20 ms, P=5 ms): wall %d ms, peak heap %d MB of %d MB allowed, %d items published%n",
                day.millis, day.peakHeapMb, Runtime.getRuntime().maxMemory() / (1024 * 1024), day.items);
        assertThat(day.items).isEqualTo(500);
    }

    private record Run(long millis, long startMillis, long peakHeapMb, int modelCalls, int articleCalls, long promptTokens,
                       long pageBytesPerArticle, int items, int peakModelCalls) {
    }

    private Run run(int n, int latency, int page, Path state, Path cache, Path out) throws Exception {
        List<WebServer> hosts = new ArrayList<>();
        try (OpenAiStub model = new OpenAiStub(); WebServer feeds = new WebServer()) {
            for (int h = 1; h <= 4; h++) {
                hosts.add(new WebServer("127.0.0." + h));
            }
            model.delay(latency);
            model.countTokensByLength();
            long pageBytes = 0;
            for (int i = 0; i < n; i++) {
                String html = GeneratedNews.page(i);
                pageBytes += html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                WebServer host = hosts.get(i % hosts.size());
                host.serve(GeneratedNews.pagePath(i), 200, "text/html; charset=utf-8", html);
                if (page > 0) {
                    host.delay(GeneratedNews.pagePath(i), page);
                }
            }
            Map<String, String> settings = new LinkedHashMap<>();
            StringBuilder feedIds = new StringBuilder();
            Instant now = Instant.now();
            for (int f = 0; f < FEEDS; f++) {
                String id = "feed" + f;
                feeds.serve("/" + id + ".rss", 200, "application/rss+xml",
                        GeneratedNews.feed(id, f * n / FEEDS, (f + 1) * n / FEEDS, hosts, now));
                feedIds.append(f == 0 ? "" : ",").append(id);
                settings.put("digest.feed." + id + ".url", feeds.url("/" + id + ".rss"));
                settings.put("digest.feed." + id + ".section", "news");
            }
            settings.put("digest.feeds", feedIds.toString());
            settings.putAll(Launch.ONCE);
            settings.put("digest.llm.provider", "openai");
            settings.put("digest.llm.base-url", model.baseUrl());
            settings.put("digest.llm.model", "bench-model");
            settings.put("digest.concurrency", String.valueOf(CONCURRENCY));
            settings.put("digest.llm.max-concurrent", String.valueOf(CONCURRENCY));
            settings.put("digest.fetch.allow-private-addresses", "true");
            settings.put("digest.cve.enabled", "false");
            settings.put("digest.feed.max-new-per-poll", String.valueOf(n)); // one run takes the whole day, as the figures assume
            settings.put("digest.state.dir", state.toString());
            settings.put("digest.llm.cache-dir", cache.toString());
            settings.put("digest.output.dir", out.toString());
            settings.put("camel.main.startup-summary-level", "Off");

            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            Main main = Launch.newMain(settings);
            main.start();
            long started = System.nanoTime();
            try {
                Launch.runOnce(main, true, true);
            } finally {
                long done = System.nanoTime();
                main.stop();
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
                return new Run((done - started) / 1_000_000, (started - t0) / 1_000_000, peak, model.requests().size(),
                        model.articleRequests().size(), model.promptTokens(), pageBytes / n, items(out), model.peakInFlight());
            }
        } finally {
            hosts.forEach(WebServer::close);
        }
    }

    private int items(Path out) {
        try (var files = Files.list(out)) {
            int items = 0;
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".stix.json")).toList()) {
                JsonNode digest = json.readTree(f.toFile());
                items += digest.path("items").size();
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
