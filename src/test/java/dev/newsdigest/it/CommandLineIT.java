package dev.newsdigest.it;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The jar as a real process: exit codes, configuration errors, the demo, a restart, and {@code extract}. */
class CommandLineIT {
    @TempDir
    Path work;

    @Test
    void demoOnceWritesACompleteDigestWithBothSectionsAndExitsZero() throws Exception {
        JarProcess.Result r = new JarProcess(work).run("--demo", "--once");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> written = r.stdout().lines().toList();
        // of the archive site only its index is named
        assertThat(written).hasSize(5).allMatch(p -> p.matches("digests/(\\d{4}-\\d{2}-\\d{2}\\.(md|json|stix\\.json)|feed\\.atom|site/index\\.html)"));
        assertThat(work.resolve("digests/site/" + written.get(0).substring("digests/".length(), "digests/".length() + 10) + ".html")).isNotEmptyFile();
        String md = Files.readString(work.resolve(written.get(0)), StandardCharsets.UTF_8);
        assertThat(md).contains("## 課題", "## 概要", "## ニュース", "### FortiWeb authentication bypass flaw exploited in attacks",
                "    - CVE-2025-64446", "    - 203[.]0[.]113[.]45", "### 日本の侵害事例\n- 複数サーバがランサム被害",
                "取得状況: demo-news 正常（新着 3件） / demo-incidents 正常（新着 2件）");
        assertThat(md).doesNotContain("セキュリティ講習会"); // filtered out by the include pattern
        assertThat(Files.readString(work.resolve(written.get(1)))).contains("\"summarizedBy\": \"offline\"");
    }

    @Test
    void theDemoSaysLittleByDefaultAndCamelsOwnDetailWithVerbose() throws Exception {
        JarProcess.Result quiet = new JarProcess(work).run("--demo", "--once");
        assertThat(quiet.exitCode()).as(quiet.stderr()).isZero();
        assertThat(quiet.stderr().lines().count() + quiet.stdout().lines().count()).as(quiet.stderr()).isLessThanOrEqualTo(25);
        assertThat(quiet.stderr()).contains("publish-day: published", "deliver-file:").doesNotContain("Started claim-article");

        JarProcess.Result verbose = new JarProcess(work).run("--demo", "--once", "--verbose");
        assertThat(verbose.exitCode()).as(verbose.stderr()).isZero();
        assertThat(verbose.stderr()).contains("Started claim-article", "Auto-configuration summary");
    }

    @Test
    void badConfigurationExitsTwoWithOneLineNamingTheKey() throws Exception {
        JarProcess.Result provider = new JarProcess(work).env("DIGEST_LLM_PROVIDER", "gemini").run("--once");
        assertOneLineError(provider, "digest.llm.provider: unknown provider 'gemini'");

        JarProcess.Result cron = new JarProcess(work).jvm("-Ddigest.close.cron=every morning").run("--once");
        assertOneLineError(cron, "digest.close.cron: 'every morning' is not a Quartz cron expression");

        Files.writeString(work.resolve("application.properties"), "digest.feeds=bleepingcomputer,mine\n");
        JarProcess.Result feed = new JarProcess(work).run("--once");
        assertOneLineError(feed, "digest.feed.mine.url: feed 'mine' has no URL");
    }

    @Test
    void operatorMistakesFoundOnlyLaterBeforeAreOneLineAtStart() throws Exception {
        assertOneLineError(new JarProcess(work).jvm("-Ddigest.llm.base-url=notaurl").run("--once"),
                "digest.llm.base-url: 'notaurl' is not an absolute http(s) URL");
        assertOneLineError(new JarProcess(work).jvm("-Ddigest.mail.port=99999").run("--once"),
                "digest.mail.port: '99999' is not a port number");
        Files.writeString(work.resolve("digests"), "a file where the output folder should be");
        assertOneLineError(new JarProcess(work).run("--once"), "digest.output.dir: 'digests' is a file, not a folder");
    }

    @Test
    void aSecretWrittenInAPropertiesFileIsRefusedWithoutShowingIt() throws Exception {
        Files.writeString(work.resolve("application.properties"), "digest.webhook.secret=hunter2-in-a-file\n");
        JarProcess.Result r = new JarProcess(work).run("--demo", "--once");
        assertOneLineError(r, "digest.webhook.secret: secrets are read from the environment only");
        assertThat(r.stderr()).contains("DIGEST_WEBHOOK_SECRET").doesNotContain("hunter2");
        assertThat(work.resolve("digests")).doesNotExist();

        Files.delete(work.resolve("application.properties"));
        JarProcess.Result fromEnv = new JarProcess(work).env("DIGEST_WEBHOOK_SECRET", "hunter2-in-env").run("--demo", "--once");
        assertThat(fromEnv.exitCode()).as(fromEnv.stderr()).isZero();
    }

    @Test
    void aPasswordInThePostgresUrlIsRefusedLikeOneInAFileWithoutShowingIt() throws Exception {
        int closed = Ports.freeOutsideEphemeralRange(); // nothing listens there: the URL must be refused before any connection
        for (String url : List.of("jdbc:postgresql://127.0.0.1:" + closed + "/digest?user=digest&password=hunter2-in-the-url",
                "jdbc:postgresql://digest:hunter2-in-the-url@127.0.0.1:" + closed + "/digest")) {
            Files.writeString(work.resolve("application.properties"), "digest.db.url=" + url + "\n");
            JarProcess.Result r = new JarProcess(work).run("--demo", "--once");
            assertOneLineError(r, "digest.db.url: ");
            assertThat(r.stderr()).contains("DIGEST_DB_PASSWORD").doesNotContain("hunter2");
        }
    }

    @Test
    void aJdbcParameterTheDriverCannotUseIsExplainedInItsWordsNotByItsBareValue() throws Exception {
        int closed = Ports.freeOutsideEphemeralRange();
        Files.writeString(work.resolve("application.properties"),
                "digest.db.url=jdbc:postgresql://127.0.0.1:" + closed + "/digest?socketFactory=x\n");
        JarProcess.Result r = new JarProcess(work).run("--demo", "--once");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        List<String> failures = r.stderr().lines().filter(l -> l.startsWith("news-digest: ")).toList();
        assertThat(failures).as(r.stderr()).hasSize(1);
        assertThat(failures.get(0)).startsWith("news-digest: the state database postgresql://127.0.0.1:" + closed + "/digest?socketFactory=… cannot be used: ")
                .contains("The SocketFactory class provided x could not be instantiated", "ClassNotFoundException: x")
                .doesNotEndWith("cannot be used: x");
    }

    @Test
    void unknownOptionIsAUsageErrorAndHelpAndVersionWork() throws Exception {
        assertThat(new JarProcess(work).run("--frobnicate").exitCode()).isEqualTo(2);
        JarProcess.Result help = new JarProcess(work).run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("--once", "--demo", "extract");
        // read from the libraries on the class path, not written into the code
        String camel = new org.apache.camel.impl.DefaultCamelContext(false).getVersion();
        assertThat(new JarProcess(work).run("--version").stdout().strip())
                .matches("news-digest \\S+ \\(Apache Camel " + java.util.regex.Pattern.quote(camel) + ", LangChain4j 1\\.\\d+\\.\\d+\\S*\\)");
    }

    @Test
    void noReadableFeedExitsOne() throws Exception {
        try (WebServer web = new WebServer()) {
            web.serve("/feed", 500, "text/plain", "down");
            Files.writeString(work.resolve("application.properties"), """
                    digest.feeds=down
                    digest.feed.down.url=%s
                    """.formatted(web.url("/feed")));
            JarProcess.Result r = new JarProcess(work).run("--once");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stdout()).contains("nothing new to publish");
            assertThat(r.stderr()).contains("fetch-feed: feed down failed: HTTP 500 from " + web.url("/feed"));
        }
    }

    @Test
    void itemsCollectedBeforeARestartArePublishedAfterItWithoutNewModelCalls() throws Exception {
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss")
                    .serveResource("/pages/fortiweb.html", "text/html; charset=utf-8", "fixtures/pages/fortiweb.html")
                    .serveResource("/pages/loader.html", "text/html; charset=utf-8", "fixtures/pages/loader.html");
            Files.writeString(work.resolve("application.properties"), """
                    digest.feeds=news
                    digest.feed.news.url=%s
                    digest.llm.provider=openai
                    digest.llm.base-url=%s
                    digest.llm.model=stub-model
                    digest.fetch.allow-private-addresses=true
                    digest.cve.enabled=false
                    digest.max-item-age=36500d
                    digest.poll.interval=1h
                    digest.close.cron=0 0 0 1 1 ? 2099
                    """.formatted(web.url("/news.rss"), model.baseUrl()));

            JarProcess daemon = new JarProcess(work);
            Process running = daemon.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> daemon.stderr().contains("summarised 3/3"));
            running.destroy(); // SIGTERM: a graceful stop, as a service manager does
            assertThat(running.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(model.articleRequests()).hasSize(3);
            assertThat(Files.exists(work.resolve("digests"))).isFalse(); // nothing published before the restart

            JarProcess.Result once = new JarProcess(work).run("--once");
            assertThat(once.exitCode()).as(once.stderr()).isZero();
            String md = Files.readString(work.resolve(once.stdout().lines().findFirst().orElseThrow()), StandardCharsets.UTF_8);
            assertThat(md).contains("【要約】FortiWeb", "【要約】Rust loader", "【要約】Retailer discloses breach");
            assertThat(model.articleRequests()).hasSize(3); // no article was summarised twice
            assertThat(model.requests()).hasSize(4);        // only the overview was added

            JarProcess.Result again = new JarProcess(work).run("--once");
            assertThat(again.stdout()).contains("nothing new to publish");
            assertThat(model.requests()).hasSize(4);

            // fresh de-duplication state, same model-answer cache: the articles come back, the model is not asked
            Files.delete(work.resolve("data/digest.mv.db"));
            JarProcess.Result fresh = new JarProcess(work).run("--once");
            assertThat(fresh.exitCode()).as(fresh.stderr()).isZero();
            assertThat(model.articleRequests()).hasSize(3);
        }
    }

    @Test
    void aWebhookAnswering400MakesOnceExitOneUntilALaterRunDeliversItAndResendSendsAgain() throws Exception {
        try (WebServer web = new WebServer()) {
            web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss")
                    .serve("/hook", 200, "text/plain", "ok")
                    .queue("/hook", 400);
            Files.writeString(work.resolve("application.properties"), """
                    digest.feeds=news
                    digest.feed.news.url=%s
                    digest.fetch.allow-private-addresses=true
                    digest.cve.enabled=false
                    digest.max-item-age=36500d
                    digest.webhook.enabled=true
                    digest.webhook.url=%s
                    digest.webhook.backoff=10ms
                    """.formatted(web.url("/news.rss"), web.url("/hook")));

            JarProcess.Result first = new JarProcess(work).env("DIGEST_WEBHOOK_SECRET", "from-env").run("--once");
            assertThat(first.exitCode()).isEqualTo(1);
            assertThat(first.stdout()).contains(".md", ".json"); // the file channel still delivered
            assertThat(first.stderr()).contains("deliver-webhook:", "failed (permanent: HTTP 400");
            assertThat(web.requests("/hook")).hasSize(1);
            String key = web.requests("/hook").get(0).headers().get("idempotency-key");
            assertThat(web.requests("/hook").get(0).headers().get("x-digest-signature")).startsWith("sha256=");

            JarProcess.Result second = new JarProcess(work).env("DIGEST_WEBHOOK_SECRET", "from-env").run("--once");
            assertThat(second.exitCode()).as(second.stderr()).isZero();
            assertThat(web.requests("/hook")).hasSize(2);
            assertThat(web.requests("/hook").get(1).headers().get("idempotency-key")).isEqualTo(key);

            JarProcess.Result nothingNew = new JarProcess(work).run("--once");
            assertThat(nothingNew.exitCode()).isZero();
            assertThat(web.requests("/hook")).hasSize(2);

            String date = key.substring(0, 10);
            JarProcess.Result resend = new JarProcess(work).run("resend", "--date", date, "--channel", "webhook");
            assertThat(resend.exitCode()).as(resend.stderr()).isZero();
            assertThat(web.requests("/hook")).hasSize(3);
            assertThat(web.requests("/hook").get(2).headers()).containsEntry("idempotency-key", date + "-r1-resend-1")
                    .containsEntry("x-digest-resend", "true");
            assertThat(new JarProcess(work).run("resend", "--date", "2001-01-01").exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aSecondWriterBesideARunningDaemonIsRefusedWithOneLine() throws Exception {
        try (WebServer web = new WebServer()) {
            web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss");
            Files.writeString(work.resolve("application.properties"), "digest.feeds=news\ndigest.feed.news.url=%s\n"
                    .formatted(web.url("/news.rss")));
            JarProcess daemon = new JarProcess(work);
            Process running = daemon.start();
            try {
                await().atMost(Duration.ofMinutes(1)).until(() -> daemon.stderr().contains("news-digest) started"));
                JarProcess.Result second = new JarProcess(work).run("--once");
                assertThat(second.exitCode()).isEqualTo(1);
                assertThat(second.stderr()).contains("is in use by another running news-digest; only one process may write it")
                        .doesNotContain("Exception");
            } finally {
                running.destroy();
                running.waitFor();
            }
        }
    }

    @Test
    void statusAndTheObserveEndpointsReportARunningDaemonAndAFeedThatKeepsFailing() throws Exception {
        int port = Ports.freeOutsideEphemeralRange();
        try (WebServer web = new WebServer()) {
            web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss")
                    .serve("/broken.rss", 500, "text/plain", "down");
            Files.writeString(work.resolve("application.properties"), """
                    digest.feeds=news,broken
                    digest.feed.news.url=%s
                    digest.feed.broken.url=%s
                    digest.fetch.allow-private-addresses=true
                    digest.cve.enabled=false
                    digest.max-item-age=36500d
                    digest.poll.interval=1s
                    digest.close.cron=0 0 0 1 1 ? 2099
                    """.formatted(web.url("/news.rss"), web.url("/broken.rss")));
            JarProcess daemon = new JarProcess(work).jvm("-Ddigest.http.port=" + port);
            Process running = daemon.start();
            try {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.util.function.Function<String, String> get = path -> {
                    try {
                        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                    } catch (java.io.IOException e) {
                        return "";
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                };
                // three failed polls in a row make the feed DOWN; each asserted condition is waited for, as it comes with a poll
                await().atMost(Duration.ofMinutes(1)).until(() -> get.apply("/observe/health").contains("failed 3 polls in a row"));
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    com.fasterxml.jackson.databind.JsonNode health = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(get.apply("/observe/health"));
                    assertThat(health.path("status").asText()).isEqualTo("DOWN");
                    java.util.Map<String, String> checks = new java.util.HashMap<>();
                    health.path("checks").forEach(c -> checks.put(c.path("name").asText(), c.path("status").asText()));
                    assertThat(checks).containsEntry("feed-broken", "DOWN").containsEntry("feed-news", "UP")
                            .containsEntry("publish", "UP").containsKey("route:poll-feeds");
                });
                // every poll hands on the feed's 3 entries; only the first poll's are new, later ones are duplicates
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(get.apply("/observe/metrics"))
                        .contains("digest_items_summarised_total{by=\"offline\"} 3.0")
                        .containsPattern("digest_items_polled_total\\{feed=\"news\"} (\\d+)\\.0")
                        .containsPattern("digest_items_duplicate_total\\{feed=\"news\"} [1-9]\\d*\\.0")
                        .containsPattern("digest_feed_errors_total\\{feed=\"broken\"} [3-9]\\d*\\.0"));

                // status beside the daemon: answered by the daemon on its socket in the private state folder
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    JarProcess.Result status = new JarProcess(work).run("status");
                    assertThat(status.exitCode()).as(status.stderr()).isZero();
                    assertThat(status.stdout()).containsPattern("news +last poll \\d{4}-\\d\\d-\\d\\d [0-9:]+ JST  ok, 0 new")
                            .containsPattern("broken +last poll .* failing \\(\\d+ in a row\\): HTTP 500")
                            .containsPattern("today \\(\\d{4}-\\d\\d-\\d\\d\\): 3 item\\(s\\) collected")
                            .contains("last digest: none published yet");
                });
                Path state = work.resolve("data");
                assertThat(state.resolve("status.sock")).exists();
                // no database server: nothing in the state names a port, and no other local user can get in
                try (var files = Files.list(state)) {
                    assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".lock.db"));
                }
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
                OtherUser.assertCannotReadOrChange(state);
                assertThat(running.isAlive()).isTrue(); // status read beside it, without disturbing it
            } finally {
                running.destroy();
                running.waitFor();
            }
        }
        JarProcess.Result after = new JarProcess(work).run("status");
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(after.stdout()).contains("news", "broken", "failing");
    }

    @Test
    void extractPrintsOneJsonLinePerFileAndExitsOneWhenAFileIsUnreadable() throws Exception {
        Path html = work.resolve("page.html");
        Files.writeString(html, "<html><head><title>T</title></head><body><article><h1>T</h1><p>"
                + "Body text of the saved page that is long enough to be the article. ".repeat(4) + "</p></article></body></html>");
        Path gz = work.resolve("page.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(html));
        }
        JarProcess.Result r = new JarProcess(work).run("extract", "page.html", "page.html.gz", "missing.html");

        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"source\":\"page.html\",\"title\":\"T\",\"text\":\"Body text of the saved page");
        assertThat(lines.get(1)).startsWith("{\"source\":\"page.html.gz\",\"title\":\"T\",\"text\":\"Body text");
        assertThat(lines.get(2)).startsWith("{\"source\":\"missing.html\",\"error\":");
    }

    @Test
    void iocsPrintsOneJsonObjectWithEveryTypeForAnAnalystsText() throws Exception {
        Files.writeString(work.resolve("report.txt"), "C2: hxxps://c2[.]evil-updates[.]com/gate and 198.51.100[.]7; CVE-2024-3400.\n");
        JarProcess.Result r = new JarProcess(work).run("iocs", "report.txt");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("{\"ipv4\":[\"198.51.100.7\"],\"ipv6\":[],\"domain\":[\"c2.evil-updates.com\"],"
                + "\"url\":[\"https://c2.evil-updates.com/gate\"],\"email\":[],\"md5\":[],\"sha1\":[],\"sha256\":[],\"sha512\":[],"
                + "\"cve\":[\"CVE-2024-3400\"],\"attack_technique\":[],\"attack_tactic\":[],\"attack_mitigation\":[],"
                + "\"imphash\":[],\"authentihash\":[],\"xmpp\":[]}");
        assertThat(new JarProcess(work).run("iocs", "missing.txt").exitCode()).isEqualTo(1);
    }

    @Test
    void iocsFindsTheCveTheAddressAndTheHashOfAFullWidthJapaneseParagraph() throws Exception {
        Files.writeString(work.resolve("advisory.txt"), """
                本脆弱性はＣＶＥ－２０２４－３４００として採番されています。攻撃元ＩＰアドレス：１９８．５１．１００．７
                検体のハッシュ値（ＳＨＡ２５６）：ｅ３ｂ０ｃ４４２９８ｆｃ１ｃ１４９ａｆｂｆ４ｃ８９９６ｆｂ９２４２７ａｅ４１ｅ４６４９ｂ９３４ｃａ４９５９９１ｂ７８５２ｂ８５５
                """);
        JarProcess.Result r = new JarProcess(work).run("iocs", "advisory.txt");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("\"ipv4\":[\"198.51.100.7\"]", "\"cve\":[\"CVE-2024-3400\"]",
                "\"sha256\":[\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"]");
    }

    private static void assertOneLineError(JarProcess.Result r, String message) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).startsWith("news-digest: configuration error: " + message).doesNotContain("Exception", "\tat ");
    }
}
