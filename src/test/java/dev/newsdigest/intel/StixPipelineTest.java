package dev.newsdigest.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The real routes, a local feed and page server and the OpenAI-compatible stub: a published day's {@code .stix.json}
 * is a valid STIX 2.1 bundle whose patterns parse, with the story's actors, victim, CVE and indicators as the model and
 * the article say, and nothing the model invented.
 */
class StixPipelineTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = withActorsFeed(super.settings());
        p.put("digest.tlp", "AMBER+STRICT");
        p.put("digest.stix.identity", "SOC Example");
        return p;
    }

    @Test
    void aPublishedDaysStixBundleIsValidAndSaysWhatTheArticlesSay() throws Exception {
        poll();
        publish();

        List<Path> files = outputFiles(".stix.json");
        assertThat(files).hasSize(1);
        JsonNode bundle = json.readTree(files.get(0).toFile());
        assertThat(StixSchemas.bundleErrors(bundle)).isEmpty();
        List<String> patterns = new ArrayList<>();
        bundle.path("objects").forEach(o -> {
            if (o.has("pattern")) {
                patterns.add(o.path("pattern").asText());
                assertThat(StixPatternGrammar.errors(o.path("pattern").asText())).as(o.path("pattern").asText()).isEmpty();
            }
            if (!o.path("type").asText().equals("marking-definition")) {
                assertThat(o.path("spec_version").asText()).isEqualTo("2.1");
                assertThat(o.path("object_marking_refs")).as(o.path("id").asText()).hasSize(1);
                assertThat(o.path("object_marking_refs").get(0).asText()).isEqualTo(StixBundle.TLP_MARKINGS.get(dev.newsdigest.config.Tlp.AMBER_STRICT));
            }
        });
        assertThat(patterns).contains("[ipv4-addr:value = '198.51.100.77']",
                "[file:hashes.'SHA-256' = '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae']",
                "[url:value = 'https://lockbit-leak.example.org/upload']", "[ipv4-addr:value = '203.0.113.45']");
        assertThat(bundle.toString()).doesNotContain(OpenAiStub.INVENTED_ACTOR, OpenAiStub.INVENTED_MALWARE, OpenAiStub.INVENTED_IP);

        JsonNode group = only(bundle, "intrusion-set");
        JsonNode family = only(bundle, "malware");
        assertThat(group.path("name").asText()).isEqualTo("Scattered Spider");
        assertThat(family.path("name").asText()).isEqualTo("LockBit");
        assertThat(family.path("is_family").asBoolean()).isTrue();
        JsonNode victim = objects(bundle, "identity").stream().filter(i -> i.path("name").asText().equals("Example Corp")).findFirst().orElseThrow();
        List<String> relations = objects(bundle, "relationship").stream()
                .map(r -> r.path("source_ref").asText() + " " + r.path("relationship_type").asText() + " " + r.path("target_ref").asText()).toList();
        assertThat(relations).contains(group.path("id").asText() + " targets " + victim.path("id").asText(),
                family.path("id").asText() + " targets " + victim.path("id").asText(),
                group.path("id").asText() + " uses " + family.path("id").asText());
        JsonNode report = objects(bundle, "report").stream()
                .filter(r -> r.path("external_references").get(0).path("url").asText().endsWith("/pages/lockbit.html")).findFirst().orElseThrow();
        assertThat(report.path("labels").get(0).asText()).isEqualTo("ransomware");
        assertThat(report.path("object_refs").toString()).contains(group.path("id").asText(), family.path("id").asText(), victim.path("id").asText(),
                StixIds.of("vulnerability", "CVE-2024-1709"));
        JsonNode producer = objects(bundle, "identity").stream().filter(i -> i.path("name").asText().equals("SOC Example")).findFirst().orElseThrow();
        bundle.path("objects").forEach(o -> {
            if (o.has("created_by_ref")) {
                assertThat(o.path("created_by_ref").asText()).isEqualTo(producer.path("id").asText());
            }
        });
        // the file is the bundle the state stored with the revision: what TAXII serves
        assertThat(Files.readString(files.get(0))).isEqualTo(stateStore().intel().bundle(java.time.LocalDate.parse(
                files.get(0).getFileName().toString().substring(0, 10)), 1));
    }

    private dev.newsdigest.state.StateStore stateStore() {
        return context.getRegistry().lookupByNameAndType("stateStore", dev.newsdigest.state.StateStore.class);
    }

    private static List<JsonNode> objects(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        bundle.path("objects").forEach(o -> {
            if (o.path("type").asText().equals(type)) {
                found.add(o);
            }
        });
        return found;
    }

    private static JsonNode only(JsonNode bundle, String type) {
        List<JsonNode> found = objects(bundle, type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }
}
