package dev.newsdigest.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdigest.delivery.AtomFeed;
import dev.newsdigest.delivery.MailHtml;
import dev.newsdigest.delivery.OutputFiles.OutputFile;
import dev.newsdigest.state.StateStore.DayDigest;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -B -Pbench-site verify}: what rebuilding the archive site costs once a year of digests is in the state,
 * since the file channel rebuilds all of it with every delivery. {@code bench.days} (365) generated days
 * ({@link YearOfDigests}: a fixed seed, 10 to 25 items a day, Japanese titles and summaries from word lists, IOCs, CVE
 * ids, 続報, 課題 and incidents), rendered by the real renderer as the state stores them. After {@code bench.warmup} (2)
 * warm-up builds (class loading and JIT) it times {@code ArchiveSite.build} (best and median of
 * {@code bench.runs}, default 5), {@code SearchIndex.of(digests).script()} alone (the digests parsed beforehand, as the build has them), and writing every file the way the file
 * channel does (a temporary file in the same folder, then a rename); it reports the site's files and size, the search
 * index's size raw and gzipped, its documents and bigrams, and the heap. Where node is installed it also loads the index
 * with the site's own {@code search.js} (a few stand-ins for the page's elements) and times its load and a few queries.
 * The table goes to stdout and to {@code target/site-benchmark.txt}, and a day of the middle of the year, as generated,
 * to {@code target/site-benchmark-<day>.md} and {@code .json}. Times are printed, never asserted; what the site
 * holds and that the search finds what a scan of the texts finds is asserted.
 */
class SiteBenchmark {
    private static final int DAYS = Integer.getInteger("bench.days", 365);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int WARM_UP = Math.max(1, Integer.getInteger("bench.warmup", 2));
    private static final long SEED = Long.getLong("bench.seed", 20261126L);
    private static final LocalDate LAST = LocalDate.parse("2026-11-26");
    private static final Path REPORT = Path.of("target/site-benchmark.txt");
    private static final MailHtml HTML = new MailHtml();
    private static final String INDEX_PREFIX = "\"use strict\";\nwindow.newsDigestIndex = ";

    private final StringBuilder report = new StringBuilder();

    @Test
    void aYearOfDigestsRebuiltAsTheArchiveSite() throws Exception {
        long t0 = System.nanoTime();
        YearOfDigests year = YearOfDigests.generate(LAST, DAYS, SEED);
        long generated = System.nanoTime() - t0;
        List<DayDigest> days = year.days;
        // a day of the middle of the year, to read what the generator writes
        DayDigest sample = days.get(days.size() / 2);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT.resolveSibling("site-benchmark-" + sample.day() + ".md"), sample.markdown(), StandardCharsets.UTF_8);
        Files.writeString(REPORT.resolveSibling("site-benchmark-" + sample.day() + ".json"), sample.json(), StandardCharsets.UTF_8);
        ArchiveSite site = new ArchiveSite("ja", "", HTML, new AtomFeed("news-digest", "ja", 30, HTML));

        line("site benchmark: %d days (%s – %s), seed %d; Java %s, %d CPUs (load average %.1f), max heap %,d MB", DAYS,
                days.get(days.size() - 1).day(), days.get(0).day(), SEED, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20);
        line("generated (not timed below): %,d items (%,d of them 続報), %,d 課題, %,d incidents, %,d IOCs, %,d CVE ids; "
                        + "state: %,d bytes of JSON, %,d of Markdown; in %d ms", year.items, year.followUps, year.actions, year.incidents,
                year.iocs, year.cves, year.jsonBytes, year.markdownBytes, millis(generated));

        // the first builds load and compile every class they run; a daemon that publishes every day has that behind it
        List<OutputFile> built = null;
        long[] warmUps = new long[WARM_UP];
        for (int i = 0; i < WARM_UP; i++) {
            built = null;
            t0 = System.nanoTime();
            built = site.build(days);
            warmUps[i] = System.nanoTime() - t0;
        }
        // the index alone, from the digests as the build has them: parsed once
        List<JsonNode> parsed = new ArrayList<>();
        for (DayDigest day : days) {
            parsed.add(new ObjectMapper().readTree(day.json()));
        }
        SearchIndex.of(parsed).script();
        long[] builds = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            built = null;
            t0 = System.nanoTime();
            built = site.build(days);
            builds[i] = System.nanoTime() - t0;
        }
        long[] indexes = new long[RUNS];
        byte[] script = null;
        for (int i = 0; i < RUNS; i++) {
            script = null;
            t0 = System.nanoTime();
            script = SearchIndex.of(parsed).script();
            indexes[i] = System.nanoTime() - t0;
        }
        assertThat(built.stream().filter(f -> f.name().equals(ArchiveSite.DIR + "search-index.js")).findFirst().orElseThrow().bytes())
                .isEqualTo(script);

        Path folder = Files.createTempDirectory("site-bench");
        try {
            // the first write into an empty folder, then over the site already there, as every later delivery does
            long[] writes = new long[RUNS + 1];
            for (int i = 0; i <= RUNS; i++) {
                t0 = System.nanoTime();
                write(folder, built);
                writes[i] = System.nanoTime() - t0;
            }
            long[] overwrites = Arrays.copyOfRange(writes, 1, writes.length);

            line("");
            line("%-58s %9s %9s   (%d runs after %d warm-up builds: %s)", "time", "best", "median", RUNS, WARM_UP, runs(warmUps));
            line("%-58s %9s %9s", "ArchiveSite.build(%d days)".formatted(DAYS), ms(best(builds)), ms(median(builds)));
            line("%-58s %9s %9s   %.0f%% of the build's median", "  of which SearchIndex.of(digests).script(), timed alone", ms(best(indexes)),
                    ms(median(indexes)), 100.0 * median(indexes) / median(builds));
            line("%-58s %9s %9s   first, into an empty folder: %s", "write every file (temporary file + atomic rename)", ms(best(overwrites)),
                    ms(median(overwrites)), ms(writes[0]));
            line("%-58s %9s %9s", "full rebuild: build + write", "", ms(median(builds) + median(overwrites)));
            line("%-58s %s", "  each run: build", runs(builds));
            line("%-58s %s", "            index", runs(indexes));
            line("%-58s %s", "            write (the first into an empty folder)", runs(writes));

            try (Stream<Path> walk = Files.walk(folder)) {
                assertThat(walk.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d\\d-\\d\\d\\.html")).count())
                        .as("a page per day on disk").isEqualTo(DAYS);
            }
            sizes(built);
            indexStats(script);
            // the heap with nothing of the timed builds held
            built = null;
            script = null;
            parsed = null;
            memory(site, days);
            search(folder, year);
            line("");
            line("load average at the end: %.1f (a build and a write run on one thread; a collector may use another core)",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        }
    }

    /** The site's files: how many, how large, and what compression leaves of them. */
    private void sizes(List<OutputFile> built) throws IOException {
        Map<String, long[]> kinds = new LinkedHashMap<>(); // count, bytes, gzip
        long total = 0;
        long gzipped = 0;
        for (OutputFile f : built) {
            String name = f.name().substring(ArchiveSite.DIR.length());
            String kind = name.matches("\\d{4}-\\d\\d-\\d\\d\\.html") ? "day pages" : name.startsWith("stories/") ? "story pages" : name;
            long gz = gzip(f.bytes());
            long[] k = kinds.computeIfAbsent(kind, x -> new long[3]);
            k[0]++;
            k[1] += f.bytes().length;
            k[2] += gz;
            total += f.bytes().length;
            gzipped += gz;
        }
        assertThat(kinds.get("day pages")[0]).as("a page per day").isEqualTo(DAYS);
        assertThat(kinds.get("story pages")[0]).as("the 続報 give stories of their own").isPositive();
        line("");
        line("%-58s %9s %13s %13s", "site", "files", "bytes", "gzip");
        kinds.forEach((kind, k) -> line("  %-56s %9d %,13d %,13d", kind, k[0], k[1], k[2]));
        line("  %-56s %9d %,13d %,13d", "total", built.size(), total, gzipped);
    }

    /** What search-index.js holds: its documents, its bigrams and their postings, and the bytes each part takes. */
    private void indexStats(byte[] script) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode index = index(script);
        JsonNode docs = index.path("docs");
        JsonNode grams = index.path("grams");
        long postings = 0;
        int longest = 0;
        for (Map.Entry<String, JsonNode> gram : (Iterable<Map.Entry<String, JsonNode>>) grams::fields) {
            int n = gram.getValue().asText().split(",").length;
            postings += n;
            longest = Math.max(longest, n);
        }
        long textChars = 0;
        long titles = 0;
        long cveIds = 0;
        for (JsonNode doc : docs) {
            String title = doc.get(2).asText();
            String text = doc.get(3).asText();
            textChars += text.length();
            // the text begins with the title, which the document holds as its third field too
            if (!title.isEmpty() && text.startsWith(title)) {
                titles += title.getBytes(StandardCharsets.UTF_8).length;
            }
            // its lines: title, original title, summary, IOCs, CVE ids; a CVE id is one of the IOCs as well
            String[] lines = text.split("\n", -1);
            if (lines.length == 5) {
                Set<String> named = Set.of(lines[3].split(" "));
                for (String id : lines[4].split(" ")) {
                    cveIds += !id.isEmpty() && named.contains(id) ? id.length() + 1 : 0;
                }
            }
        }
        assertThat(docs.size()).as("an article per item, and the incidents told by no item").isGreaterThan(DAYS * 10);
        line("");
        line("%-58s %,13d bytes, %,d gzipped (level 6, as a server sends it)", "search-index.js", script.length, gzip(script));
        line("  %-56s %,13d bytes, %,d gzipped", "docs (day, anchor, title, text per article)", mapper.writeValueAsBytes(docs).length,
                gzip(mapper.writeValueAsBytes(docs)));
        line("  %-56s %,13d bytes, %,d gzipped", "grams (postings as base-36 gaps)", mapper.writeValueAsBytes(grams).length,
                gzip(mapper.writeValueAsBytes(grams)));
        line("  %-56s %,13d (%,d characters of text, %,d a document)", "documents", docs.size(), textChars, textChars / docs.size());
        line("  %-56s %,13d (%,d postings, %.0f a bigram, the longest %,d)", "distinct bigrams", grams.size(), postings,
                postings / (double) grams.size(), longest);
        line("  %-56s %,13d bytes", "the texts repeat: the title (the docs' third field)", titles);
        line("  %-56s %,13d bytes", "  and the CVE ids (one of the IOCs, then the CVE line)", cveIds);
    }

    /** The object search-index.js assigns to {@code window.newsDigestIndex}. */
    private static JsonNode index(byte[] script) throws IOException {
        String text = new String(script, StandardCharsets.UTF_8);
        assertThat(text).startsWith(INDEX_PREFIX).endsWith(";\n");
        return new ObjectMapper().readTree(text.substring(INDEX_PREFIX.length(), text.length() - 2));
    }

    /** The heap the days take, and what a built site adds, each measured after a collection; and what a build allocates. */
    private void memory(ArchiveSite site, List<DayDigest> days) {
        MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        long withDays = heapAfterGc(bean);
        List<OutputFile> built = site.build(days);
        long withSite = heapAfterGc(bean);
        assertThat(built).isNotEmpty();
        long allocated = -1;
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            long before = threads.getCurrentThreadAllocatedBytes();
            site.build(days);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        line("");
        line("%-58s %,13d MB", "heap used after GC, the days held (JSON and Markdown)", withDays >> 20);
        line("%-58s %,13d MB", "  and one built site held as well (its files' bytes)", (withSite - withDays) >> 20);
        line("%-58s %,13d MB", "allocated by one build (ThreadMXBean)", allocated >> 20);
    }

    private static long heapAfterGc(MemoryMXBean bean) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            bean.gc();
            used = Math.min(used, bean.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * The queries, answered by a scan of every text (what the search must find), and, with node, by the site's own
     * search.js over the written search-index.js.
     */
    private void search(Path folder, YearOfDigests year) throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonNode doc : index(Files.readAllBytes(folder.resolve(ArchiveSite.DIR + "search-index.js"))).path("docs")) {
            texts.add(SearchIndex.normalize(doc.get(3).asText()));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("a 2-character word (common)", "攻撃");
        queries.put("a 2-character word (rarer)", "委託");
        queries.put("a 4-character word", "認証回避");
        queries.put("a CVE id", year.knownCve);
        queries.put("an IPv4 address", year.knownIp);
        queries.put("two terms", "ランサムウェア 病院");
        queries.put("one character (every text scanned)", "偽");
        queries.put("a word in no article", "量子暗号");
        Map<String, Integer> scanned = new LinkedHashMap<>();
        for (String q : queries.values()) {
            List<String> terms = Arrays.stream(SearchIndex.normalize(q).split(" ")).filter(t -> !t.isEmpty()).toList();
            scanned.put(q, (int) texts.stream().filter(t -> terms.stream().allMatch(t::contains)).count());
        }
        assertThat(scanned.get("認証回避")).as("a word the generator writes is found").isPositive();
        assertThat(scanned.get(year.knownCve)).isPositive();
        assertThat(scanned.get(year.knownIp)).isPositive();

        Path node = node();
        line("");
        if (node == null) {
            line("search in the browser: skipped, no node on this machine (/usr/bin/node, or node on PATH)");
            for (Map.Entry<String, String> q : queries.entrySet()) {
                line("  %-36s %,9d hits (a scan of the texts)   %s", q.getKey(), scanned.get(q.getValue()), q.getValue());
            }
            return;
        }
        Path script = Files.createTempFile(folder, "search-bench", ".js");
        Files.writeString(script, NODE_SCRIPT, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(node.toString(), "--expose-gc", script.toString(),
                folder.resolve(ArchiveSite.DIR + "search-index.js").toString(), folder.resolve(ArchiveSite.DIR + "search.js").toString()));
        command.addAll(queries.values());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String[]> answers = new LinkedHashMap<>();
        String version = "";
        for (String l : output.split("\n")) {
            String[] f = l.split("\t");
            if (f[0].equals("version")) {
                version = f[1];
            } else if (f[0].equals("load")) {
                line("search in the browser's place: node %s, the site's own search.js with stand-ins for its page's elements", version);
                line("  %-56s %9s ms", "read search-index.js (UTF-8)", f[1]);
                line("  %-56s %9s ms", "evaluate it (parse the index)", f[2]);
                line("  %-56s %9s ms", "search.js's start (normalise every text), median", f[3]);
                line("  %-56s %,9d MB", "node heap used with the index loaded, after GC", Long.parseLong(f[4]) >> 20);
            } else if (f[0].equals("query")) {
                answers.put(f[1], f);
            }
        }
        line("  %-36s %9s %10s %10s %9s   %s", "query: search.js's show (its find,", "hits", "first ms", "again ms", "scan", "query");
        line("  %-36s %9s %10s %10s %9s", "  then up to 200 results)", "", "", "median", "hits");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            String[] a = answers.get(q.getValue());
            assertThat(a).as("node answered " + q.getValue() + ":\n" + output).isNotNull();
            int hits = Integer.parseInt(a[2]);
            line("  %-36s %,9d %10s %10s %,9d   %s", q.getKey(), hits, a[3], a[4], scanned.get(q.getValue()), q.getValue());
            assertThat(hits).as("search.js finds what a scan of the texts finds: " + q.getValue()).isEqualTo(scanned.get(q.getValue()));
        }
    }

    /**
     * Loads search-index.js, then runs search.js itself against stand-ins for the search page's form, field, status and
     * list, afresh for each query (so that its first answer decodes the postings it needs); each query is typed (the
     * input event), once, then 20 more times for the median. Prints tab-separated lines.
     */
    private static final String NODE_SCRIPT = """
            "use strict";
            const fs = require("fs");
            const vm = require("vm");
            const [indexPath, searchPath, ...queries] = process.argv.slice(2);
            const ms = (from) => (Number(process.hrtime.bigint() - from) / 1e6).toFixed(1);
            const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
            function element() {
              return {
                textContent: "", value: "", className: "", href: "", id: "", dataset: {}, listeners: {}, children: [],
                appendChild(child) { this.children.push(child); return child; },
                addEventListener(type, listener) { this.listeners[type] = listener; }
              };
            }
            const page = { search: element(), q: element(), status: element(), results: element() };
            page.status.dataset = { found: "%d", none: "0" };
            globalThis.window = globalThis;
            window.location = { search: "" };
            globalThis.history = { replaceState() {} };
            globalThis.document = {
              getElementById: (id) => page[id] || null,
              createElement: () => element(),
              createTextNode: (text) => ({ text })
            };
            console.log("version\\t" + process.version);
            let t = process.hrtime.bigint();
            const source = fs.readFileSync(indexPath, "utf8");
            const read = ms(t);
            t = process.hrtime.bigint();
            vm.runInThisContext(source, { filename: "search-index.js" });
            const parsed = ms(t);
            if (!window.newsDigestIndex) { throw new Error("search-index.js set no window.newsDigestIndex"); }
            const search = new vm.Script(fs.readFileSync(searchPath, "utf8"), { filename: "search.js" });
            const starts = [];
            for (const query of queries) {
              t = process.hrtime.bigint();
              search.runInThisContext();
              starts.push(Number(ms(t)));
              page.q.value = query;
              t = process.hrtime.bigint();
              page.q.listeners.input();
              const first = ms(t);
              const hits = page.status.textContent;
              const again = [];
              for (let i = 0; i < 20; i++) {
                page.results.children = [];
                t = process.hrtime.bigint();
                page.q.listeners.input();
                again.push(Number(ms(t)));
              }
              if (page.status.textContent !== hits) { throw new Error("another answer the second time: " + query); }
              console.log(["query", query, hits, first, median(again).toFixed(1)].join("\\t"));
            }
            global.gc();
            console.log(["load", read, parsed, median(starts).toFixed(1), process.memoryUsage().heapUsed].join("\\t"));
            """;

    private static Path node() {
        if (Files.isExecutable(Path.of("/usr/bin/node"))) {
            return Path.of("/usr/bin/node");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return Path.of(dir, "node");
            }
        }
        return null;
    }

    /** Every file as the file channel writes it: {@code .<name>.tmp} in the same folder, then renamed over the old one. */
    private static void write(Path folder, List<OutputFile> files) throws IOException {
        Set<Path> made = new HashSet<>();
        for (OutputFile f : files) {
            Path target = folder.resolve(f.name());
            if (made.add(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.write(temp, f.bytes());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static long gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static long best(long[] nanos) {
        return Arrays.stream(nanos).min().orElseThrow();
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String runs(long[] nanos) {
        return String.join(", ", Arrays.stream(nanos).mapToObj(n -> String.format(Locale.ROOT, "%,d", millis(n))).toList()) + " ms";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", millis(nanos));
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
