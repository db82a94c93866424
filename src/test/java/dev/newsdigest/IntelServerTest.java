package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdigest.intel.MispFormat;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.TaxiiClient;
import dev.newsdigest.support.TaxiiClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * What the routes publish is what a platform reads: after a real run (feeds, pages, the model stub, the publish step,
 * the file channel) the TAXII collection holds exactly the objects of the day's {@code .stix.json}, read the way
 * OpenCTI's TAXII ingestion reads it (its URL, its Accept header, no final /, the {@code next} it keeps); a second
 * revision gives that client only what changed; and the MISP feed served over HTTP is the one the file channel wrote.
 */
class IntelServerTest extends PipelineTestSupport {
    private static final String TOKEN = "taxii-token-for-the-test";
    private static final String COLLECTION = "2e8343fb-24d4-4df1-8da7-32bd9719a72e";

    private final int port = Ports.freeOutsideEphemeralRange();


    @Override
    protected Properties settings() {
        Properties p = withActorsFeed(super.settings());
        p.put("digest.taxii.enabled", "true");
        p.put("digest.taxii.port", Integer.toString(port));
        p.put("digest.taxii.token", TOKEN);
        p.put("digest.misp.enabled", "true");
        return p;
    }

    /** OpenCTI's TAXII 2.1 ingestion: {@code <uri>root/collections/<id>/objects}, axios's Accept, added_after and the last next. */
    private Answer openCtiPoll(TaxiiClient client, String next) {
        String query = "?added_after=2020-01-01T00:00:00.000Z" + (next == null ? "" : "&next=" + next);
        return client.with("Accept", "application/json, text/plain, */*").get("/taxii2/root/collections/" + COLLECTION + "/objects" + query);
    }

    @Test
    void theCollectionHoldsExactlyThePublishedBundlesAndAPollingPlatformGetsOnlyWhatChanged() throws Exception {
        poll();
        publish();
        TaxiiClient client = TaxiiClient.of("http://127.0.0.1:" + port).bearer(TOKEN);

        JsonNode bundle = json.readTree(outputFiles(".stix.json").get(0).toFile());
        Set<String> published = versions(bundle.path("objects"));
        List<JsonNode> received = new ArrayList<>();
        String next = null;
        while (true) { // OpenCTI asks once per poll; a client that follows `more` reads the same pages in one go
            Answer page = openCtiPoll(client, next);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(page.contentType()).isEqualTo(TaxiiClient.TAXII);
            page.json().path("objects").forEach(received::add);
            next = page.json().path("next").asText();
            if (!page.json().path("more").asBoolean()) {
                break;
            }
        }
        assertThat(versions(received)).isEqualTo(published);
        Map<String, JsonNode> byId = new HashMap<>();
        bundle.path("objects").forEach(o -> byId.put(o.path("id").asText(), o));
        received.forEach(o -> assertThat(o).isEqualTo(byId.get(o.path("id").asText())));

        // nothing new: the kept next gives nothing
        assertThat(openCtiPoll(client, next).json().path("objects")).isEmpty();

        // revision 2: a second outlet tells the LockBit story; the platform's next poll gets the report's new version
        tellTheActorsStoryFromASecondOutlet();
        poll();
        publish();
        JsonNode second = json.readTree(outputFiles(".stix.json").get(0).toFile());
        Set<String> changed = versions(second.path("objects"));
        changed.removeAll(published);
        Answer update = openCtiPoll(client, next);
        Set<String> got = versions(update.json().path("objects"));
        assertThat(got).isNotEmpty().isEqualTo(changed);
        assertThat(update.json().path("objects").toString()).contains("\"type\":\"report\"", "outlet=2");

        // the MISP feed over HTTP is the feed the file channel wrote
        Path misp = work.resolve("out/misp");
        Answer manifest = client.get("/misp/manifest.json");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.json()).isEqualTo(json.readTree(misp.resolve("manifest.json").toFile()));
        Map<String, JsonNode> events = new HashMap<>();
        try (Stream<Path> files = Files.list(misp)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("[0-9a-f-]{36}\\.json")).toList()) {
                Answer served = client.get("/misp/" + f.getFileName());
                assertThat(served.status()).isEqualTo(200);
                assertThat(served.json()).isEqualTo(json.readTree(f.toFile()));
                events.put(served.json().path("Event").path("uuid").asText(), served.json());
            }
        }
        assertThat(MispFormat.manifestErrors(manifest.json(), events)).isEmpty();
        assertThat(MispFormat.hashesErrors(client.get("/misp/hashes.csv").text().lines().toList(), events)).isEmpty();
        // the same access check as TAXII
        assertThat(TaxiiClient.of("http://127.0.0.1:" + port).get("/misp/manifest.json").status()).isEqualTo(401);
        assertThat(client.get("/misp/00000000-0000-4000-8000-000000000000.json").status()).isEqualTo(404);
    }

    /** Each object as {@code id@version}: what a platform that imports them ends up holding. */
    private static Set<String> versions(Iterable<JsonNode> objects) {
        Set<String> versions = new HashSet<>();
        objects.forEach(o -> versions.add(o.path("id").asText() + "@" + o.path("modified").asText(o.path("created").asText(""))));
        return versions;
    }
}
