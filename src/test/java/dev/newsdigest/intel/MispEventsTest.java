package dev.newsdigest.intel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import dev.newsdigest.model.Victim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stories as MISP feed events ({@link MispEvents}), each checked by {@link MispFormat}, which is written from MISP's
 * specification and generators: the events, their manifest and hashes.csv pass it; the types, categories, to_ids, tags
 * and uuids are those chosen; hostile text stays inert JSON; and the checker does reject what is broken.
 */
class MispEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG_UUID = "5f8b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b";
    private static final MispEvents MISP = new MispEvents("News Digest", ORG_UUID);
    private static final long T1 = 1_764_547_200L;
    private static final long T2 = T1 + 86_400L;

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String MD5 = "098f6bcd4621d373cade4e832627b4f6";

    private static DigestItem item(String title, List<String> summary, List<Ioc> iocs, boolean action) {
        return new DigestItem("vendor", "https://vendor.example/acme-gateway", "Original: " + title, title, "2026-11-25T10:00:00Z", summary,
                iocs, List.of("Install 7.2.4."), List.of(), List.of(), action, action ? "patch now" : null, "model:stub", "page",
                DigestItem.Usage.NONE);
    }

    /** A story of two articles with every kind of IOC, CVE context with KEV, victims, actors and an event type. */
    private static DigestItem rich() {
        List<Ioc> iocs = List.of(new Ioc("ipv4", "203.0.113.5"), new Ioc("ipv6", "2001:DB8:0:0:0:0:0:1"), new Ioc("domain", "Evil-Update.example.COM."),
                new Ioc("url", "http://evil-update.example.com/fix.exe"), new Ioc("email", "Ops@Evil-Update.example.com"),
                new Ioc("md5", MD5.toUpperCase()), new Ioc("sha1", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"), new Ioc("sha256", SHA256),
                new Ioc("sha512", "ee26b0dd4af7e749aa1a8ee3c10ae9923f618980772e473f8819a5d4940e0db27ac185f8a0e1d5f84f88bc887fd67b143732c304cc5fa9ad8e6f57f50028a8ff"),
                new Ioc("imphash", "f34d5f2d4577ed6d9ceec516c1f5a744"), new Ioc("authentihash", SHA256.replace('9', 'a')),
                new Ioc("xmpp", "ransom@jabber.example.org"), new Ioc("cve", "CVE-2026-24680"), new Ioc("attack_technique", "T1566.001"),
                new Ioc("attack_tactic", "TA0001"), new Ioc("attack_mitigation", "M1051"),
                new Ioc("ipv4", "198.51.100.7").namedOnlyBy(List.of("reposts", "mirror")));
        CveContext kev = new CveContext("CVE-2026-24680", new CveContext.Cvss(9.8, "CRITICAL", "CVSS:3.1/AV:N", "3.1", "NVD"),
                new CveContext.Epss(0.97, 0.99, "2026-11-25"), new CveContext.Kev("2026-11-24", "2026-12-15", "Known", "Acme", "Gateway"), null,
                List.of(), List.of());
        DigestItem item = item("Acme gateway flaw exploited", List.of("Acme confirms attacks.", "Install 7.2.4."), iocs, false)
                .withCves(List.of(kev))
                .withEvent(List.of(new Victim("Kinoshita Seiki", "木下精機")), List.of("Storm-0000"), "vulnerability-exploited", "acme|exploited", "2026-11");
        return item.asStory("https://vendor.example/acme-gateway", "2026-11-25",
                List.of(new DigestItem.Source("vendor", "Acme gateway flaw", "https://vendor.example/acme-gateway", "2026-11-25T10:00:00Z"),
                        new DigestItem.Source("reposts", "Acme: ゲートウェイ", "https://reposts.example/記事?id=1", "2026-11-25T11:00:00Z")),
                iocs, List.of("Install 7.2.4."), List.of(), List.of(), false, null);
    }

    /** An item of the least: no translation, no summary, no IOC, no context. */
    private static DigestItem bare() {
        return new DigestItem("reposts", "https://reposts.example/arrest", "Police arrest ransomware affiliate", null, null, null, null, null,
                null, null, false, null, "offline", "feed", DigestItem.Usage.NONE);
    }

    private static String eventUuid(DigestItem item) {
        return MispEvents.eventUuid(item.storyKeyOrUrl()).toString();
    }

    private static ObjectNode build(DigestItem item, long timestamp, String tlp) {
        return MISP.event(item, eventUuid(item), "2026-11-25", timestamp, tlp);
    }

    /** The event as MISP reads the file: written by Jackson and parsed back. */
    private static JsonNode written(ObjectNode event) throws Exception {
        return JSON.readTree(JSON.writeValueAsBytes(event));
    }

    private static List<JsonNode> attributes(JsonNode file) {
        List<JsonNode> all = new ArrayList<>();
        file.path("Event").path("Attribute").forEach(all::add);
        return all;
    }

    private static JsonNode attribute(JsonNode file, String type, String value) {
        return attributes(file).stream().filter(a -> a.path("type").asText().equals(type) && a.path("value").asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + value + " in " + file));
    }

    private static List<String> tagNames(JsonNode file) {
        List<String> names = new ArrayList<>();
        file.path("Event").path("Tag").forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    private static Map<String, JsonNode> byUuid(List<ObjectNode> events) throws Exception {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        for (ObjectNode event : events) {
            files.put(event.path("Event").path("uuid").asText(), written(event));
        }
        return files;
    }

    @Test
    void eventsTheirManifestAndHashesPassTheChecker() throws Exception {
        List<ObjectNode> events = List.of(build(rich(), T1, "TLP:AMBER"), build(bare(), T1, null),
                build(item("Plain", List.of("s"), List.of(new Ioc("cve", "cve-2025-0001")), false).asStory("https://vendor.example/plain", "2026-11-25",
                        List.of(), List.of(new Ioc("cve", "cve-2025-0001")), List.of(), List.of(), List.of(), false, null), T1, "TLP:CLEAR"));
        for (ObjectNode event : events) {
            assertThat(MispFormat.eventErrors(event)).isEmpty();
            assertThat(MispFormat.eventErrors(written(event))).isEmpty();
        }
        Map<String, JsonNode> files = byUuid(events);
        JsonNode manifest = written(MispEvents.manifest(events));
        assertThat(MispFormat.manifestErrors(manifest, files)).isEmpty();
        List<String> hashes = MispEvents.hashes(events);
        assertThat(MispFormat.hashesErrors(hashes, files)).isEmpty();

        String uuid = eventUuid(rich());
        assertThat(hashes).contains(md5("203.0.113.5") + "," + uuid);
        assertThat(hashes).hasSize(events.stream().mapToInt(e -> e.path("Event").path("Attribute").size()).sum());
        assertThat(manifest.path(uuid).path("timestamp").asText()).isEqualTo(Long.toString(T1));
        assertThat(manifest.path(uuid).path("Tag").get(0).path("name").asText()).isEqualTo("tlp:amber");
    }

    @Test
    void theEventHasTheFeedFieldsInTheGeneratorsOrder() {
        JsonNode event = build(rich(), T1, "TLP:AMBER").path("Event");
        List<String> keys = new ArrayList<>();
        event.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("analysis", "date", "extends_uuid", "info", "publish_timestamp", "published", "threat_level_id",
                "timestamp", "uuid", "Orgc", "Tag", "Attribute");
        assertThat(event.path("analysis").asText()).isEqualTo("2");
        assertThat(event.path("published").asBoolean()).isTrue();
        assertThat(event.path("info").asText()).isEqualTo("Acme gateway flaw exploited");
        assertThat(event.path("Orgc").path("uuid").asText()).isEqualTo(ORG_UUID);
        assertThat(event.has("Org")).isFalse();
        assertThat(build(bare(), T1, null).path("Event").path("info").asText()).isEqualTo("Police arrest ransomware affiliate");
    }

    @Test
    void iocsGetMispTypesTheirDefaultCategoriesAndToIds() throws Exception {
        JsonNode file = written(build(rich(), T1, "TLP:AMBER"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ip-dst", "203.0.113.5");
        expected.put("domain", "evil-update.example.com");
        expected.put("url", "http://evil-update.example.com/fix.exe");
        expected.put("email-src", "ops@evil-update.example.com");
        expected.put("md5", MD5);
        expected.put("sha256", SHA256);
        expected.put("jabber-id", "ransom@jabber.example.org");
        expected.put("vulnerability", "CVE-2026-24680");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode a = attribute(file, e.getKey(), e.getValue());
            JsonNode defaults = MispFormat.saneDefaults(e.getKey());
            assertThat(a.path("category").asText()).as(e.getKey()).isEqualTo(defaults.path("default_category").asText());
            assertThat(a.path("to_ids").asBoolean()).as(e.getKey()).isEqualTo(defaults.path("to_ids").asInt() == 1);
        }
        assertThat(attribute(file, "ip-dst", "2001:db8::1").path("to_ids").asBoolean()).isTrue();
        assertThat(attribute(file, "vulnerability", "CVE-2026-24680").path("to_ids").asBoolean()).isFalse();
        assertThat(attribute(file, "vulnerability", "CVE-2026-24680").path("comment").asText()).contains("CVSS 9.8").contains("in CISA KEV since 2026-11-24");
        for (String type : List.of("sha1", "sha512", "imphash", "authentihash")) {
            assertThat(attributes(file)).anySatisfy(a -> {
                assertThat(a.path("type").asText()).isEqualTo(type);
                assertThat(a.path("category").asText()).isEqualTo("Payload delivery");
                assertThat(a.path("to_ids").asBoolean()).isTrue();
            });
        }
        JsonNode link = attribute(file, "link", "https://vendor.example/acme-gateway");
        assertThat(link.path("category").asText()).isEqualTo("External analysis");
        assertThat(link.path("to_ids").asBoolean()).isFalse();
        assertThat(attributes(file)).filteredOn(a -> a.path("type").asText().equals("link")).hasSize(2);
        attribute(file, "link", "https://reposts.example/%E8%A8%98%E4%BA%8B?id=1");
        assertThat(attribute(file, "text", "Acme confirms attacks.\nInstall 7.2.4.").path("category").asText()).isEqualTo("Other");
        assertThat(attribute(file, "target-org", "Kinoshita Seiki").path("to_ids").asBoolean()).isFalse();
        assertThat(attribute(file, "threat-actor", "Storm-0000").path("category").asText()).isEqualTo("Attribution");
        assertThat(attributes(file)).noneMatch(a -> a.path("value").asText().startsWith("T1566") || a.path("value").asText().equals("TA0001"));
    }

    @Test
    void anIocOnlyLessTrustedFeedsNameIsNotForIdsAndSaysWhy() throws Exception {
        JsonNode a = attribute(written(build(rich(), T1, null)), "ip-dst", "198.51.100.7");
        assertThat(a.path("to_ids").asBoolean()).isFalse();
        assertThat(a.path("comment").asText()).isEqualTo("named only by less trusted feeds: reposts, mirror");

        DigestItem both = item("t", List.of("s"), List.of(new Ioc("ipv4", "198.51.100.7").namedOnlyBy(List.of("mirror")), new Ioc("ipv4", "198.51.100.7")), false);
        JsonNode trusted = attribute(written(build(both, T1, null)), "ip-dst", "198.51.100.7");
        assertThat(trusted.path("to_ids").asBoolean()).isTrue();
        assertThat(trusted.path("comment").asText()).isEmpty();
        assertThat(attributes(written(build(both, T1, null)))).filteredOn(x -> x.path("type").asText().equals("ip-dst")).hasSize(1);
    }

    @Test
    void valuesMispWouldRefuseAreLeftOut() throws Exception {
        DigestItem item = item("t", List.of("s"), List.of(new Ioc("md5", "abc"), new Ioc("ipv4", "999.1.1.1"), new Ioc("ipv4", "010.1.1.1"),
                new Ioc("domain", "not a domain"), new Ioc("cve", "CVE-26-1"), new Ioc("email", "nobody"), new Ioc("url", "http://a.example/x y"),
                new Ioc("attack_technique", "T1566\"]"), new Ioc("ipv6", "fe80::1%eth0"), new Ioc("sha256", SHA256)), false);
        JsonNode file = written(build(item, T1, null));
        assertThat(attributes(file)).extracting(a -> a.path("type").asText()).containsExactly("sha256", "text", "link");
        assertThat(tagNames(file)).isEmpty();
        assertThat(MispFormat.eventErrors(file)).isEmpty();
    }

    @Test
    void tagsAreTheTlpTheEventTypeAndTheAttackIds() throws Exception {
        JsonNode file = written(build(rich(), T1, "TLP:AMBER"));
        assertThat(tagNames(file)).containsExactly("tlp:amber", "news-digest:event-type=\"vulnerability-exploited\"",
                "news-digest:attack-technique=\"T1566.001\"", "news-digest:attack-tactic=\"TA0001\"", "news-digest:attack-mitigation=\"M1051\"");
        assertThat(file.path("Event").path("Tag").get(0).path("colour").asText()).isEqualTo("#FFC000");
        assertThat(tagNames(written(build(rich(), T1, "TLP:AMBER+STRICT")))).startsWith("tlp:amber+strict");
        assertThat(tagNames(written(build(rich(), T1, "TLP:CLEAR")))).startsWith("tlp:clear");
        assertThat(tagNames(written(build(rich(), T1, null)))).noneMatch(n -> n.startsWith("tlp:"));
        for (String tlp : List.of("TLP:RED", "TLP:GREEN", "TLP:AMBER+STRICT", "TLP:CLEAR")) {
            assertThat(MispFormat.eventErrors(build(rich(), T1, tlp))).as(tlp).isEmpty();
        }
        assertThatThrownBy(() -> build(rich(), T1, "TLP:PURPLE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uuidsAreStablePerStoryAndPerAttribute() throws Exception {
        // RFC 4122 / Python: uuid5(NAMESPACE_DNS, 'python.org') == 886313e1-3b8a-5372-9b90-0c9aee199e5d
        assertThat(MispEvents.uuid5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
        UUID story = MispEvents.eventUuid("https://vendor.example/acme-gateway");
        assertThat(story).isEqualTo(MispEvents.eventUuid("https://vendor.example/acme-gateway"));
        assertThat(story).isNotEqualTo(MispEvents.eventUuid("https://vendor.example/other"));
        assertThat(story.version()).isEqualTo(5);
        assertThat(story.variant()).isEqualTo(2);

        JsonNode day1 = written(build(rich(), T1, "TLP:AMBER"));
        JsonNode day2 = written(build(rich(), T2, "TLP:CLEAR"));
        assertThat(day1.path("Event").path("uuid").asText()).isEqualTo(story.toString());
        assertThat(attributes(day2)).extracting(a -> a.path("uuid").asText())
                .containsExactlyElementsOf(attributes(day1).stream().map(a -> a.path("uuid").asText()).toList());
        JsonNode other = written(MISP.event(rich(), MispEvents.eventUuid("another story").toString(), "2026-11-25", T1, null));
        assertThat(attribute(other, "ip-dst", "203.0.113.5").path("uuid").asText())
                .isNotEqualTo(attribute(day1, "ip-dst", "203.0.113.5").path("uuid").asText());
    }

    @Test
    void aLaterTimestampBumpsTimestampAndPublishTimestamp() throws Exception {
        JsonNode day1 = written(build(rich(), T1, null)).path("Event");
        JsonNode day2 = written(build(rich(), T2, null)).path("Event");
        assertThat(day1.path("timestamp").asText()).isEqualTo(Long.toString(T1));
        assertThat(day1.path("publish_timestamp").asText()).isEqualTo(Long.toString(T1));
        assertThat(day2.path("timestamp").asText()).isEqualTo(Long.toString(T2));
        assertThat(day2.path("publish_timestamp").asText()).isEqualTo(Long.toString(T2));
        for (JsonNode a : day2.path("Attribute")) {
            assertThat(a.path("timestamp").asText()).isEqualTo(Long.toString(T2));
        }
        assertThat(MispEvents.manifest(List.of(build(rich(), T2, null))).path(day2.path("uuid").asText()).path("timestamp").asText())
                .isEqualTo(Long.toString(T2));
    }

    @Test
    void theThreatLevelFollowsActionKevAndKind() {
        assertThat(build(rich(), T1, null).path("Event").path("threat_level_id").asText()).isEqualTo("1");
        assertThat(build(item("t", List.of("s"), List.of(), true), T1, null).path("Event").path("threat_level_id").asText()).isEqualTo("1");
        assertThat(build(item("t", List.of("s"), List.of(new Ioc("sha256", SHA256)), false), T1, null).path("Event").path("threat_level_id").asText())
                .isEqualTo("2");
        assertThat(build(bare(), T1, null).path("Event").path("threat_level_id").asText()).isEqualTo("3");
    }

    @Test
    void hostileTextStaysInertJson() throws Exception {
        String big = "A".repeat(10_000);
        String hostile = "Quote \" back\\slash </script><script>alert(1)</script>\nline two\r\n\u0000\u001b[31m \u2028 \ud800 " + big;
        DigestItem item = new DigestItem(hostile, "https://news.example/a?x=\"</script>", hostile, hostile, null, List.of(hostile, "second\nline"),
                List.of(new Ioc("url", "http://evil.example/\"</script>" + big), new Ioc("domain", "</script>.example")), List.of(), List.of(), List.of(),
                false, null, "model", "page", DigestItem.Usage.NONE)
                .withEvent(List.of(new Victim(hostile, hostile)), List.of(hostile), "breach\"", "k", null);
        ObjectNode event = MISP.event(item, eventUuid(item), "2026-11-25", T1, "TLP:AMBER");
        String text = JSON.writeValueAsString(event);
        JsonNode back = JSON.readTree(text);

        assertThat(back).isEqualTo(event);
        assertThat(text).doesNotContain("\n").doesNotContain("\u0000");
        assertThat(MispFormat.eventErrors(back)).isEmpty();
        String info = back.path("Event").path("info").asText();
        assertThat(info.codePointCount(0, info.length())).isLessThanOrEqualTo(256);
        assertThat(info).doesNotContain("\n").startsWith("Quote \" back\\slash </script>");
        assertThat(attribute(back, "url", "http://evil.example/\"</script>" + big).path("to_ids").asBoolean()).isTrue();
        assertThat(attributes(back)).noneMatch(a -> a.path("value").asText().contains("\ud800"));
        assertThat(tagNames(back)).containsExactly("tlp:amber");
        assertThat(attribute(back, "link", "https://news.example/a?x=%22%3C/script%3E").path("to_ids").asBoolean()).isFalse();
        Map<String, JsonNode> files = Map.of(back.path("Event").path("uuid").asText(), back);
        assertThat(MispFormat.manifestErrors(written(MispEvents.manifest(List.of(event))), files)).isEmpty();
        assertThat(MispFormat.hashesErrors(MispEvents.hashes(List.of(event)), files)).isEmpty();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> MISP.event(rich(), "not-a-uuid", "2026-11-25", T1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MISP.event(rich(), eventUuid(rich()), "2026-02-30", T1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MISP.event(rich(), eventUuid(rich()), "2026-11-25", 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MispEvents("Org", "nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MispEvents.manifest(List.of(build(rich(), T1, null), build(rich(), T2, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The checker takes the forms MISP's generators write, not only ours: an event laid out as MISP's own feed files are
     * (the key order of a MISP export, tlp:white), and one as newer PyMISP writes it (tags with local and
     * relationship_type, a composite filename|sha256 value, the manifest's numbers as JSON numbers). Values are made up.
     */
    @Test
    void theCheckerAcceptsTheGeneratorsOwnForms() throws Exception {
        String mispExport = """
                {"Event": {"uuid": "0b988513-9535-42f0-9ebc-5d6aec2e1c79", "timestamp": "1607324075", "analysis": "2", "date": "2020-11-27",
                  "info": "OSINT - example report", "threat_level_id": "1", "published": true, "extends_uuid": "", "publish_timestamp": "1607324084",
                  "Orgc": {"uuid": "55f6ea5e-2c60-40e5-964f-47a8950d210f", "name": "Example CERT"},
                  "Tag": [{"colour": "#004646", "name": "type:OSINT"}, {"colour": "#ffffff", "name": "tlp:white"}],
                  "Attribute": [
                    {"uuid": "7df62701-db13-41e4-987c-dcd58b98b7c5", "value": "http://192.0.2.10:81/a.bin", "timestamp": "1606485600", "type": "url",
                     "to_ids": true, "comment": "", "disable_correlation": false, "category": "Network activity", "deleted": false},
                    {"uuid": "3c4fad3b-e2bd-4fad-a1e9-41da1d9c6b0e", "value": "192.0.2.11", "timestamp": "1607324075", "type": "ip-dst",
                     "to_ids": false, "comment": "possible false positive", "disable_correlation": false, "category": "Network activity", "deleted": false}]}}
                """;
        String pymisp = """
                {"Event": {"analysis": "0", "date": "2024-08-27", "extends_uuid": "", "info": "Test Feed Event", "publish_timestamp": "1724758165",
                  "published": true, "threat_level_id": "3", "timestamp": "1724753268", "uuid": "988ce14e-0802-4aa3-92ca-8ca1104e0b38",
                  "Orgc": {"name": "Example", "uuid": "22bdfb84-98d9-468c-aba4-986e63ffea62"},
                  "Tag": [{"colour": "#ffffff", "local": false, "name": "tlp:clear", "relationship_type": ""}],
                  "Attribute": [{"category": "Payload delivery", "comment": "", "deleted": false, "disable_correlation": false,
                    "timestamp": "1724749019", "to_ids": true, "type": "filename|sha256",
                    "uuid": "317e63e6-b95d-4dd1-b4fd-de2f64f33fd8", "value": "setup.exe|%s"}]}}
                """.formatted(SHA256);
        String pymispManifest = """
                {"988ce14e-0802-4aa3-92ca-8ca1104e0b38": {"Orgc": {"name": "Example", "uuid": "22bdfb84-98d9-468c-aba4-986e63ffea62"},
                  "Tag": [{"colour": "#ffffff", "local": false, "name": "tlp:clear", "relationship_type": ""}],
                  "info": "Test Feed Event", "date": "2024-08-27", "analysis": 0, "threat_level_id": 3, "timestamp": 1724753268}}
                """;
        JsonNode export = JSON.readTree(mispExport);
        JsonNode feed = JSON.readTree(pymisp);
        assertThat(MispFormat.eventErrors(export)).isEmpty();
        assertThat(MispFormat.eventErrors(feed)).isEmpty();
        Map<String, JsonNode> files = Map.of("988ce14e-0802-4aa3-92ca-8ca1104e0b38", feed);
        assertThat(MispFormat.manifestErrors(JSON.readTree(pymispManifest), files)).isEmpty();
        String uuid = "988ce14e-0802-4aa3-92ca-8ca1104e0b38";
        assertThat(MispFormat.hashesErrors(List.of(md5("setup.exe") + "," + uuid, md5(SHA256) + "," + uuid), files)).isEmpty();
        assertThat(MispFormat.hashesErrors(List.of(md5("setup.exe|" + SHA256) + "," + uuid), files)).isNotEmpty();
    }

    @Test
    void theCheckerRejectsBrokenEventsManifestsAndHashes() throws Exception {
        ObjectNode good = (ObjectNode) written(build(rich(), T1, "TLP:AMBER"));
        assertThat(MispFormat.eventErrors(good)).isEmpty();

        ObjectNode noUuid = good.deepCopy();
        ((ObjectNode) noUuid.path("Event")).remove("uuid");
        assertThat(MispFormat.eventErrors(noUuid)).anyMatch(e -> e.contains("Event has no uuid"));

        ObjectNode unknownType = good.deepCopy();
        ((ObjectNode) unknownType.path("Event").path("Attribute").get(0)).put("type", "ipv4");
        assertThat(MispFormat.eventErrors(unknownType)).anyMatch(e -> e.contains("'ipv4' is not a MISP attribute type"));

        ObjectNode wrongCategory = good.deepCopy();
        for (JsonNode a : wrongCategory.path("Event").path("Attribute")) {
            if (a.path("type").asText().equals("sha256")) {
                ((ObjectNode) a).put("category", "Network activity");
            }
        }
        assertThat(MispFormat.eventErrors(wrongCategory)).anyMatch(e -> e.contains("'sha256' is not valid in category 'Network activity'"));

        ObjectNode numbers = good.deepCopy();
        ((ObjectNode) numbers.path("Event")).put("timestamp", T1).put("threat_level_id", 5).put("date", "25/11/2026");
        ((ObjectNode) numbers.path("Event").path("Attribute").get(0)).put("to_ids", "true").put("value", "2001:DB8::1");
        assertThat(MispFormat.eventErrors(numbers)).anyMatch(e -> e.contains("Event.timestamp is number"))
                .anyMatch(e -> e.contains("Event.threat_level_id is number")).anyMatch(e -> e.contains("Event.date is not a date"))
                .anyMatch(e -> e.contains("to_ids is string")).anyMatch(e -> e.contains("not an IP address") || e.contains("compressed"));

        ObjectNode badTags = good.deepCopy();
        ArrayNode tags = (ArrayNode) badTags.path("Event").path("Tag");
        ((ObjectNode) tags.get(0)).put("colour", "#000000");
        tags.addObject().put("colour", "#ffffff").put("name", "tlp:clear");
        tags.addObject().put("name", "no colour");
        assertThat(MispFormat.eventErrors(badTags)).anyMatch(e -> e.contains("the taxonomy's is #FFC000")).anyMatch(e -> e.contains("exclusive"))
                .anyMatch(e -> e.contains("has no colour"));

        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.path("Event")).put("html", "<b>");
        ((ObjectNode) extra.path("Event").path("Attribute").get(0)).put("uuid", extra.path("Event").path("uuid").asText());
        assertThat(MispFormat.eventErrors(extra)).anyMatch(e -> e.contains("key html")).anyMatch(e -> e.contains("not unique"));

        String uuid = good.path("Event").path("uuid").asText();
        ObjectNode manifest = MispEvents.manifest(List.of(good));
        ((ObjectNode) manifest.path(uuid)).put("timestamp", Long.toString(T2));
        ((ObjectNode) manifest.path(uuid)).remove("info");
        assertThat(MispFormat.manifestErrors(manifest, Map.of(uuid, good))).anyMatch(e -> e.contains(".timestamp is"))
                .anyMatch(e -> e.contains("has no info"));
        assertThat(MispFormat.manifestErrors(JSON.createObjectNode(), Map.of(uuid, good))).anyMatch(e -> e.contains("no entry"));

        List<String> hashes = new ArrayList<>(MispEvents.hashes(List.of(good)));
        String dropped = hashes.remove(0);
        hashes.add("not,a line");
        hashes.add(md5("8.8.8.8") + "," + uuid);
        assertThat(MispFormat.hashesErrors(hashes, Map.of(uuid, good))).anyMatch(e -> e.contains("has 0 of the line " + dropped))
                .anyMatch(e -> e.contains("is not <md5 hex>")).anyMatch(e -> e.contains("which no attribute gives"));
    }

    private static String md5(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
