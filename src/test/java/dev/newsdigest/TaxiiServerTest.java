package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdigest.text.StixTime;
import dev.newsdigest.state.IntelLedger;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.StixCollection;
import dev.newsdigest.support.TaxiiClient;
import dev.newsdigest.support.TaxiiClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TAXII 2.1 server of the running application (its routes and beans, Camel's HTTP server on a port of its own beside
 * the management server), walked as a TAXII client walks it, over real HTTP: from discovery to the collection, then
 * every one of {@value StixCollection#OBJECTS} objects published in three revisions, page by page, by {@code next} and
 * again by {@code added_after}; the filters; and every refusal, each a TAXII error with its status.
 */
class TaxiiServerTest extends PipelineTestSupport {
    private static final String USER = "tip-reader";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOKEN = "0123456789abcdef-taxii-token";
    private static final String COLLECTION = "/taxii2/root/collections/2e8343fb-24d4-4df1-8da7-32bd9719a72e/";

    private final int port = Ports.freeOutsideEphemeralRange();
    private final int managementPort = Ports.freeOutsideEphemeralRange();
    private TaxiiClient anonymous;
    private TaxiiClient client;
    private StateStore store;

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.taxii.enabled", "true");
        p.put("digest.taxii.port", Integer.toString(port));
        p.put("digest.taxii.user", USER);
        p.put("digest.taxii.password", PASSWORD);
        p.put("digest.taxii.token", TOKEN);
        // the health and metrics server too, as in continuous mode: the TAXII server must not land on it
        p.put("camel.management.enabled", "true");
        p.put("digest.http.port", Integer.toString(managementPort));
        return p;
    }

    @BeforeEach
    void fill() {
        store = context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
        StixCollection.publish(store, store.today());
        anonymous = TaxiiClient.of("http://127.0.0.1:" + port);
        client = anonymous.basic(USER, PASSWORD);
    }

    /** Every page from {@code first}, following {@code next}, each checked as TAXII says a page is. */
    private static List<JsonNode> pages(TaxiiClient client, String first, Function<String, String> withNext, String list) {
        List<JsonNode> all = new ArrayList<>();
        Answer page = client.get(first);
        while (true) {
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(page.contentType()).isEqualTo(TaxiiClient.TAXII);
            JsonNode body = page.json();
            body.path(list).forEach(all::add);
            if (!body.path("more").asBoolean()) {
                // the last page still says where it ends: a client that keeps it asks for what is added later
                assertThat(body.path("next").asText()).isNotEmpty();
                return all;
            }
            page = client.get(withNext.apply(body.path("next").asText()));
        }
    }

    private static List<JsonNode> json(List<IntelLedger.StoredObject> objects) {
        return objects.stream().map(StixCollection::json).toList();
    }

    @Test
    void aClientWalksFromDiscoveryToEveryObjectByNextAndAgainByAddedAfter() {
        Answer discovery = client.get("/taxii2/");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.contentType()).isEqualTo(TaxiiClient.TAXII);
        String root = discovery.json().path("api_roots").get(0).asText();
        assertThat(root).isEqualTo("/taxii2/root/").isEqualTo(discovery.json().path("default").asText());
        assertThat(discovery.json().path("title").asText()).isNotEmpty();

        JsonNode apiRoot = client.get(root).json();
        assertThat(apiRoot.path("versions").toString()).isEqualTo("[\"application/taxii+json;version=2.1\"]");
        assertThat(apiRoot.path("max_content_length").asLong()).isEqualTo(65536);

        JsonNode collections = client.get(root + "collections/").json().path("collections");
        assertThat(collections).hasSize(1);
        JsonNode collection = collections.get(0);
        assertThat(collection.path("can_read").asBoolean()).isTrue();
        assertThat(collection.path("can_write").isBoolean()).isTrue();
        assertThat(collection.path("can_write").asBoolean()).isFalse();
        assertThat(collection.path("media_types").toString()).isEqualTo("[\"application/stix+json;version=2.1\"]");
        String objects = root + "collections/" + collection.path("id").asText() + "/objects/";
        assertThat(client.get(root + "collections/" + collection.path("id").asText() + "/").json()).isEqualTo(collection);

        List<JsonNode> expected = json(StixCollection.lastVersions(store));
        assertThat(expected).hasSize(StixCollection.OBJECTS);

        // by next: every object once, in the order added, each page's headers its first and last date added
        Answer first = client.get(objects + "?limit=100");
        assertThat(first.json().path("objects")).hasSize(100);
        assertThat(first.json().path("more").asBoolean()).isTrue();
        List<IntelLedger.StoredObject> last = StixCollection.lastVersions(store);
        assertThat(first.header("X-TAXII-Date-Added-First")).hasValue(StixTime.micros(last.get(0).dateAdded()));
        assertThat(first.header("X-TAXII-Date-Added-Last")).hasValue(StixTime.micros(last.get(99).dateAdded()));
        assertThat(pages(client, objects + "?limit=100", next -> objects + "?limit=100&next=" + next, "objects")).containsExactlyElementsOf(expected);

        // by added_after, from each page's X-TAXII-Date-Added-Last, until a page is empty
        List<JsonNode> byDate = new ArrayList<>();
        Answer page = client.get(objects + "?limit=128");
        while (page.json().has("objects")) {
            page.json().path("objects").forEach(byDate::add);
            page = client.get(objects + "?limit=128&added_after=" + page.header("X-TAXII-Date-Added-Last").orElseThrow());
        }
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).isEqualTo("{}");
        assertThat(page.header("X-TAXII-Date-Added-First")).isEmpty();
        assertThat(byDate).containsExactlyElementsOf(expected);

        // the server's page size holds whatever limit says; without limit too
        Answer big = client.get(objects + "?limit=100000");
        assertThat(big.json().path("objects")).hasSize(500);
        assertThat(big.json().path("more").asBoolean()).isTrue();
        assertThat(client.get(objects).json().path("objects")).hasSize(500);
    }

    @Test
    void filtersSelectByTypeIdAndVersionAndTheManifestAndVersionsAgree() {
        List<IntelLedger.StoredObject> stored = StixCollection.stored(store);
        List<IntelLedger.StoredObject> last = StixCollection.lastVersions(store);
        String objects = COLLECTION + "objects/";

        List<JsonNode> observables = pages(client, objects + "?match[type]=ipv4-addr&limit=70",
                next -> objects + "?match[type]=ipv4-addr&limit=70&next=" + next, "objects");
        assertThat(observables).hasSize(StixCollection.OBSERVABLES).allSatisfy(o -> assertThat(o.path("type").asText()).isEqualTo("ipv4-addr"));
        assertThat(client.get(objects + "?match[type]=malware").text()).isEqualTo("{}");

        String changed = last.get(StixCollection.OBJECTS - 1).id(); // changed in revisions 2 and 3
        String observable = last.stream().filter(o -> o.type().equals("ipv4-addr")).findFirst().orElseThrow().id();
        List<IntelLedger.StoredObject> versions = stored.stream().filter(o -> o.id().equals(changed)).toList();
        assertThat(versions).hasSize(3);
        JsonNode two = client.get(objects + "?match[id]=" + changed + "," + observable).json().path("objects");
        assertThat(two).hasSize(2);
        Set<String> ids = new HashSet<>();
        two.forEach(o -> ids.add(o.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(changed, observable);
        assertThat(two.get(1)).isEqualTo(StixCollection.json(versions.get(2))); // its last version, added last

        // every version of every object
        assertThat(pages(client, objects + "?match[version]=all", next -> objects + "?match[version]=all&next=" + next, "objects"))
                .containsExactlyElementsOf(json(stored));
        // one object: last by default, first, all, an exact version (as stored and as another form of the same time)
        String object = objects + changed + "/";
        assertThat(client.get(object).json().path("objects")).containsExactly(StixCollection.json(versions.get(2)));
        assertThat(client.get(object + "?match[version]=first").json().path("objects")).containsExactly(StixCollection.json(versions.get(0)));
        assertThat(client.get(object + "?match[version]=all").json().path("objects")).containsExactlyElementsOf(json(versions));
        assertThat(client.get(object + "?match[version]=first,last").json().path("objects"))
                .containsExactly(StixCollection.json(versions.get(0)), StixCollection.json(versions.get(2)));
        String middle = versions.get(1).version();
        assertThat(client.get(object + "?match[version]=" + middle).json().path("objects")).containsExactly(StixCollection.json(versions.get(1)));
        String micros = middle.replace("Z", "000Z");
        assertThat(client.get(object + "?match[version]=" + micros).json().path("objects")).containsExactly(StixCollection.json(versions.get(1)));
        assertThat(client.get(object + "?match[version]=2020-01-01T00:00:00.000Z").text()).isEqualTo("{}");
        Answer fetched = client.get(object + "?match[version]=all");
        assertThat(fetched.header("X-TAXII-Date-Added-First")).hasValue(StixTime.micros(versions.get(0).dateAdded()));
        assertThat(fetched.header("X-TAXII-Date-Added-Last")).hasValue(StixTime.micros(versions.get(2).dateAdded()));

        // its versions, oldest first
        Answer listed = client.get(object + "versions/");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("versions").toString()).isEqualTo(
                "[\"" + String.join("\",\"", versions.stream().map(IntelLedger.StoredObject::version).toList()) + "\"]");
        assertThat(listed.header("X-TAXII-Date-Added-Last")).hasValue(StixTime.micros(versions.get(2).dateAdded()));
        assertThat(client.get(object + "versions/?limit=2").json().path("more").asBoolean()).isTrue();

        // the manifest: the same selection, one record per version
        List<JsonNode> manifest = pages(client, COLLECTION + "manifest/?limit=300", next -> COLLECTION + "manifest/?limit=300&next=" + next, "objects");
        assertThat(manifest).hasSize(StixCollection.OBJECTS);
        for (int i = 0; i < manifest.size(); i++) {
            JsonNode record = manifest.get(i);
            assertThat(record.path("id").asText()).isEqualTo(last.get(i).id());
            assertThat(record.path("version").asText()).isEqualTo(last.get(i).version());
            assertThat(record.path("date_added").asText()).isEqualTo(StixTime.micros(last.get(i).dateAdded()));
            assertThat(record.path("media_type").asText()).isEqualTo("application/stix+json;version=2.1");
        }
        assertThat(client.get(COLLECTION + "manifest/?match[id]=" + changed + "&match[version]=all").json().path("objects")).hasSize(3);

        // every object here is STIX 2.1
        assertThat(client.get(objects + "?match[spec_version]=2.0").text()).isEqualTo("{}");
        assertThat(client.get(objects + "?match[spec_version]=2.0,2.1&limit=3").json().path("objects")).hasSize(3);
    }

    @Test
    void basicAndBearerAreAcceptedAndAnythingElseIs401WithAChallengeAndNothingEchoed() {
        try (LogCapture logs = new LogCapture()) {
            for (TaxiiClient refused : List.of(anonymous, anonymous.basic(USER, "wrong"), anonymous.basic("someone", PASSWORD),
                    anonymous.bearer("wrong-token"), anonymous.bearer(PASSWORD), anonymous.with("Authorization", "Basic !!!"),
                    anonymous.with("Authorization", "Digest username=\"" + USER + "\""))) {
                Answer answer = refused.get("/taxii2/");
                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.contentType()).isEqualTo(TaxiiClient.TAXII);
                assertThat(answer.json().path("http_status").asText()).isEqualTo("401");
                assertThat(answer.json().path("title").asText()).isNotEmpty();
                assertThat(answer.response().headers().allValues("WWW-Authenticate")).anyMatch(c -> c.startsWith("Basic realm="))
                        .anyMatch(c -> c.startsWith("Bearer realm="));
                assertThat(answer.header("Authorization")).isEmpty();
            }
            // refused before anything else: an unknown path is no 404 to a stranger
            assertThat(anonymous.get("/nothing-here/").status()).isEqualTo(401);
            assertThat(logs.everything()).contains("refused GET /taxii2/").doesNotContain(PASSWORD, TOKEN, "wrong-token", USER);
        }
        Answer basic = anonymous.basic(USER, PASSWORD).get(COLLECTION + "objects/?limit=1");
        Answer bearer = anonymous.bearer(TOKEN).get(COLLECTION + "objects/?limit=1");
        assertThat(basic.status()).isEqualTo(200);
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.text()).isEqualTo(basic.text());
        assertThat(basic.header("Authorization")).isEmpty();
    }

    @Test
    void everyOtherRefusalIsATaxiiErrorWithTheStatusTaxiiGivesIt() {
        String objects = COLLECTION + "objects/";
        String someObject = StixCollection.lastVersions(store).get(0).id();

        // the collection cannot be written: 403 to adding or deleting; other methods are not allowed
        assertError(client.with("Content-Type", TaxiiClient.TAXII).send("POST", objects, HttpRequest.BodyPublishers.ofString("{\"objects\":[]}")), 403);
        assertError(client.send("DELETE", objects + someObject + "/", HttpRequest.BodyPublishers.noBody()), 403);
        Answer put = client.send("PUT", COLLECTION, HttpRequest.BodyPublishers.ofString("{}"));
        assertError(put, 405);
        assertThat(put.header("Allow")).hasValue("GET");
        assertError(client.send("POST", "/taxii2/", HttpRequest.BodyPublishers.ofString("{}")), 405);

        // not here
        for (String path : List.of("/taxii2/root/collections/91a7b528-80eb-42ed-a74d-c6fbd5a26116/",
                "/taxii2/root/collections/91a7b528-80eb-42ed-a74d-c6fbd5a26116/objects/",
                objects + "indicator--00000000-0000-4000-8000-000000000000/", objects + "indicator--00000000-0000-4000-8000-000000000000/versions/",
                "/taxii2/root/status/2d086da7-4bdc-4f91-900e-d77486753710/", "/", "/api/", "/taxii2/other/", "/taxii2/root/nothing/",
                "/misp/manifest.json", "/observe/health")) {
            assertError(client.get(path), 404);
        }
        // a path without its final / is the same resource (OpenCTI asks .../objects)
        assertThat(client.get("/taxii2").status()).isEqualTo(200);
        assertThat(client.get(COLLECTION + "objects?limit=1").json().path("objects")).hasSize(1);

        // Accept: a TAXII 2.1 media type, with or without its version, or one that includes it (what OpenCTI sends, none);
        // the answer is TAXII's either way. Anything else: 406
        for (String accept : List.of("application/taxii+json", "application/taxii+json; version=2.1", "application/json, application/taxii+json;version=2.1;q=0.5",
                "APPLICATION/TAXII+JSON;VERSION=2.1", "application/json, text/plain, */*", "application/json")) {
            Answer answer = client.with("Accept", accept).get("/taxii2/");
            assertThat(answer.status()).as(accept).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo(TaxiiClient.TAXII);
        }
        assertThat(client.with("Accept", null).get("/taxii2/").status()).isEqualTo(200);
        for (String accept : List.of("text/html", "application/taxii+json;version=2.0", "application/stix+json;version=2.1",
                "application/taxii+json;q=0", "text/html, application/xml")) {
            assertError(client.with("Accept", accept).get(objects), 406);
        }

        // malformed parameters
        for (String query : List.of("added_after=yesterday", "added_after=", "limit=0", "limit=-3", "limit=ten", "limit=1&limit=2",
                "next=not-a-cursor", "match[version]=all,first", "match[version]=last,last", "match[version]=2026-13-01T00:00:00Z",
                "match[spec_version]=two", "match[type]=indicator,,malware", "match[id]=" + "x,".repeat(101) + "x",
                "added_after=2026-01-01T00:00:00Z&added_after=2026-01-02T00:00:00Z", "match%5Btype%5D=a&match[type]=b")) {
            assertError(client.get(objects + "?" + query), 400);
        }
        assertError(client.get(objects + someObject + "/versions/?limit=0"), 400);
        assertError(client.get(COLLECTION + "manifest/?added_after=2026-01-01"), 400);

        // limits on the request itself, before anything reads it
        assertThat(client.with("X-Padding", "x".repeat(20_000)).get("/taxii2/").status()).isEqualTo(431);
        assertThat(client.get("/taxii2/?" + "a".repeat(9_000)).status()).isEqualTo(414);
        // a body too large is refused from its Content-Length, unread: the request goes without it, or the server could
        // close the connection while the client still sends, and the client miss the answer
        assertThat(statusLine("POST " + objects + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + TaxiiClient.TAXII
                + "\r\nContent-Type: " + TaxiiClient.TAXII + "\r\nContent-Length: 100000\r\n\r\n")).startsWith("HTTP/1.1 413 ");
    }

    @Test
    void theManagementServerKeepsItsOwnPortAndTheTaxiiServerItsOwn() {
        TaxiiClient management = TaxiiClient.of("http://127.0.0.1:" + managementPort).with("Accept", "application/json");
        assertThat(management.get("/observe/health").status()).isEqualTo(200);
        assertThat(management.get("/observe/health").text()).contains("\"status\"");
        assertThat(management.basic(USER, PASSWORD).with("Accept", TaxiiClient.TAXII).get("/taxii2/").status()).isEqualTo(404);
        assertThat(client.get("/taxii2/").status()).isEqualTo(200);
    }

    /** The status line the server answers {@code request} (sent as it is) with. */
    private String statusLine(String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertError(Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(TaxiiClient.TAXII);
        JsonNode error = answer.json();
        assertThat(error.path("http_status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("title").asText()).isNotEmpty();
        assertThat(error.path("description").asText()).isNotEmpty();
    }
}
