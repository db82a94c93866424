package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.TaxiiClient;
import org.junit.jupiter.api.Test;

/**
 * TLP:RED is for its named recipients only: as the webhook and ticket channels are refused, the server for platforms
 * refuses every reader, credentials or not (403), unless {@code digest.tlp.allow-external=true}; the file channel still
 * writes the bundle for the recipients' own use.
 */
class TaxiiRedTest extends PipelineTestSupport {
    private static final String TOKEN = "red-token";
    private final int port = Ports.freeOutsideEphemeralRange();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.tlp", "RED");
        p.put("digest.taxii.enabled", "true");
        p.put("digest.taxii.port", Integer.toString(port));
        p.put("digest.taxii.token", TOKEN);
        p.put("digest.misp.enabled", "true");
        return p;
    }

    @Test
    void aTlpRedDigestIsNotServedToPlatformsEvenToAReaderWithTheToken() {
        poll();
        publish();
        assertThat(outputFiles(".stix.json")).hasSize(1);
        assertThat(work.resolve("out/site/index.html")).isNotEmptyFile(); // written, as the .md is, for the file channel's readers
        TaxiiClient client = TaxiiClient.of("http://127.0.0.1:" + port).bearer(TOKEN);
        for (String path : new String[] {"/taxii2/", "/taxii2/root/collections/2e8343fb-24d4-4df1-8da7-32bd9719a72e/objects/", "/misp/manifest.json",
                "/site/", "/site/search-index.js"}) {
            TaxiiClient.Answer answer = client.get(path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.json().path("description").asText()).contains("TLP:RED");
        }
    }
}
