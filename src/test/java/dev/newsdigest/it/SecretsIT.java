package dev.newsdigest.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Distinctive secrets, a run where everything that can fail fails, and a search of everything the run wrote. */
class SecretsIT {
    private static final String LLM_KEY = "sk-LLMSECRET-7f3a9c";
    private static final String SMTP_PASSWORD = "SMTPSECRET-c41d88";
    private static final String HOOK_SECRET = "HOOKSECRET-9b2e01";
    private static final String PATH_SECRET = "PATHSECRET-41c7d2";
    private static final String HOOK_PATH = "/hooks/T000/" + PATH_SECRET;

    @TempDir
    Path work;

    @Test
    void secretsNeverAppearInLogsDigestsDeadLettersOrState() throws Exception {
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss")
                    .serveResource("/pages/fortiweb.html", "text/html; charset=utf-8", "fixtures/pages/fortiweb.html")
                    .serve(HOOK_PATH, 400, "text/plain", "rejected");
            model.mode(OpenAiStub.Mode.HTTP_401);
            int closedPort = Ports.freeOutsideEphemeralRange();
            Files.writeString(work.resolve("application.properties"), """
                    digest.feeds=news
                    digest.feed.news.url=%s
                    digest.llm.provider=openai
                    digest.llm.base-url=%s
                    digest.fetch.allow-private-addresses=true
                    digest.cve.enabled=false
                    digest.max-item-age=36500d
                    digest.mail.enabled=true
                    digest.mail.host=127.0.0.1
                    digest.mail.port=%d
                    digest.mail.username=digest
                    digest.mail.from=digest@example.com
                    digest.mail.to=soc@example.com
                    digest.mail.max-attempts=2
                    digest.mail.backoff=10ms
                    digest.webhook.enabled=true
                    """.formatted(web.url("/news.rss"), model.baseUrl(), closedPort));

            JarProcess.Result r = new JarProcess(work).env("DIGEST_LLM_API_KEY", LLM_KEY).env("DIGEST_MAIL_PASSWORD", SMTP_PASSWORD)
                    .env("DIGEST_WEBHOOK_SECRET", HOOK_SECRET)
                    // a Slack-style URL whose path is a secret too: Camel's start-up summary, WARN lines and dead letters show its host only
                    .env("DIGEST_WEBHOOK_URL", web.url(HOOK_PATH)).run("--once");

            // the run failed in every way it could, and the secrets were really in use
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(model.requests()).isNotEmpty();
            assertThat(web.requests(HOOK_PATH).get(0).headers().get("x-digest-signature")).startsWith("sha256=");
            assertThat(r.stderr()).contains("deliver-mail:", "deliver-webhook:", "model failed");
            assertThat(Files.list(work.resolve("data/dead-letters"))).isNotEmpty();

            JarProcess.Result status = new JarProcess(work).env("DIGEST_WEBHOOK_URL", web.url(HOOK_PATH)).run("status");
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).contains("webhook", "HTTP 400 from " + web.base() + "/…").doesNotContain(PATH_SECRET);

            List<Path> written;
            try (Stream<Path> files = Files.walk(work)) {
                written = files.filter(Files::isRegularFile).toList();
            }
            assertThat(written).anyMatch(f -> f.toString().endsWith(".mv.db")).anyMatch(f -> f.toString().endsWith(".md"));
            for (Path file : written) {
                String content = new String(read(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(LLM_KEY, SMTP_PASSWORD, HOOK_SECRET, PATH_SECRET);
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
