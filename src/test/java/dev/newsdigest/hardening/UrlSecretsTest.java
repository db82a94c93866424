package dev.newsdigest.hardening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import dev.newsdigest.config.Settings;
import dev.newsdigest.observe.StatusReport;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Slack-style webhook URL carries its secret in the path. With every attempt failing, the URL shows up in WARN lines,
 * the stored error, {@code status} and the dead letter, and in each only as scheme and host.
 */
class UrlSecretsTest extends PipelineTestSupport {
    private static final String PATH_SECRET = "/services/T0SECRET/B0SECRET/XyZSeCrEtToKeN";

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.webhook.enabled", "true");
        p.put("digest.webhook.url", web.url(PATH_SECRET) + "?token=QuErYsEcReT");
        p.put("digest.webhook.max-attempts", "2");
        p.put("digest.webhook.backoff", "10ms");
        web.serve(PATH_SECRET, 503, "text/plain", "unavailable");
        return p;
    }

    @Test
    void aSecretInTheWebhookUrlNeverReachesLogsStatusOrDeadLetters() throws Exception {
        String everything;
        try (LogCapture logs = new LogCapture()) {
            poll();
            publish();
            everything = logs.everything();
            assertThat(logs.warnings()).anyMatch(w -> w.contains("deliver-webhook") && w.contains("HTTP 503 from " + web.base() + "/…"));
        }
        assertThat(web.requests(PATH_SECRET)).hasSize(2); // it was tried, so the failure paths above all ran

        StateStore store = context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
        String status = StatusReport.render(context.getRegistry().lookupByNameAndType("settings", Settings.class), store);
        StringBuilder written = new StringBuilder();
        try (Stream<Path> files = Files.walk(work.resolve("state").resolve("dead-letters"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                written.append(Files.readString(f));
            }
        }
        assertThat(written).contains("HTTP 503 from " + web.base() + "/…");
        for (String seen : new String[] {everything, status, written.toString()}) {
            assertThat(seen).doesNotContain("SECRET", "SeCrEt", "T0SECRET");
        }
    }
}
