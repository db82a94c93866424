package dev.newsdigest.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StixSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String REPORT = """
            {"type": "report", "spec_version": "2.1", "id": "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
             "created": "2015-12-21T19:59:11.000Z", "modified": "2015-12-21T19:59:11.000Z",
             "name": "The Black Vine Cyberespionage Group", "report_types": ["threat-report"],
             "published": "2016-01-20T17:00:00.000Z",
             "object_refs": ["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"]}""";

    // ---------------------------------------------------------------- valid

    @ParameterizedTest
    @ValueSource(strings = {"indicator-for-c2-ip-address.json", "indicator-to-campaign-relationship.json",
            "indicators-for-C2-with-COA.json", "malicious-email-indicator-with-attachment.json"})
    void theOasisExampleBundlesAreValid(String file) throws IOException {
        JsonNode bundle = example(file);
        assertThat(bundle.get("objects").size()).isPositive();
        assertThat(StixSchemas.bundleErrors(bundle)).isEmpty();
    }

    @Test
    void anOasisExampleObjectIsValid() throws IOException {
        assertThat(StixSchemas.errors(example("interop-objectmarking-test.json"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            REPORT,
            """
            {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
             "name": "C2 address", "indicator_types": ["malicious-activity"], "pattern_type": "stix",
             "pattern": "[ipv4-addr:value = '203.0.113.45']", "valid_from": "2016-01-01T00:00:00Z"}""",
            """
            {"type": "vulnerability", "spec_version": "2.1", "id": "vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created": "2016-05-12T08:17:27.000Z", "modified": "2016-05-12T08:17:27.000Z", "name": "CVE-2016-1234",
             "external_references": [{"source_name": "cve", "external_id": "CVE-2016-1234"}]}""",
            """
            {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created": "2016-05-12T08:17:27.000Z", "modified": "2016-05-12T08:17:27.000Z", "name": "Spear Phishing"}""",
            """
            {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
             "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z", "name": "Bobcat Breakin"}""",
            """
            {"type": "malware", "spec_version": "2.1", "id": "malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created": "2016-05-12T08:17:27.000Z", "modified": "2016-05-12T08:17:27.000Z", "name": "Cryptolocker",
             "malware_types": ["ransomware"], "is_family": false}""",
            """
            {"type": "identity", "spec_version": "2.1", "id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
             "created": "2015-12-21T19:59:11.000Z", "modified": "2015-12-21T19:59:11.000Z",
             "name": "news-digest", "identity_class": "system"}""",
            """
            {"type": "relationship", "spec_version": "2.1", "id": "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
             "created": "2016-04-06T20:06:37.000Z", "modified": "2016-04-06T20:06:37.000Z", "relationship_type": "indicates",
             "source_ref": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "target_ref": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"}""",
            """
            {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
             "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:WHITE",
             "definition": {"tlp": "white"}}""",
            """
            {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
             "value": "198.51.100.3"}""",
            """
            {"type": "ipv6-addr", "spec_version": "2.1", "id": "ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1",
             "value": "2001:0db8:85a3:0000:0000:8a2e:0370:7334"}""",
            """
            {"type": "domain-name", "spec_version": "2.1", "id": "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5",
             "value": "example.com"}""",
            """
            {"type": "url", "spec_version": "2.1", "id": "url--c1477287-23ac-5971-a010-5c287877fa60",
             "value": "https://example.com/research/index.html"}""",
            """
            {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3",
             "value": "john@example.com", "display_name": "John Doe"}""",
            """
            {"type": "file", "spec_version": "2.1", "id": "file--66156fad-2a7d-5237-bbb4-ba1912887cfe",
             "hashes": {"SHA-256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
             "name": "empty.bin"}"""})
    void validObjectsOfEveryTypeWeEmitPass(String object) {
        assertThat(StixSchemas.errors(object)).isEmpty();
    }

    // ---------------------------------------------------------------- broken objects

    @Test
    void aReportWithoutPublishedFailsNamingIt() {
        ObjectNode report = report();
        report.remove("published");
        assertThat(StixSchemas.errors(report)).anySatisfy(e -> assertThat(e).contains("required").contains("published"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "id", "created", "modified", "spec_version", "object_refs"})
    void everyRequiredPropertyOfAReportIsChecked(String property) {
        ObjectNode report = report();
        report.remove(property);
        assertThat(StixSchemas.errors(report)).anySatisfy(e -> assertThat(e).contains("'" + property + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report--123", "report--84e4d88f44ea4bcdbbf3b2c1c320bcb3", "84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
            "indicator--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3"})
    void anIdNotOfTheFormTypeDashDashUuidFails(String id) {
        ObjectNode report = report();
        report.put("id", id);
        assertThat(StixSchemas.errors(report)).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("$.id: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-01-20T17:00:00.000", "2016-01-20T17:00:00.000+00:00", "2016-01-20 17:00:00.000Z",
            "2016-13-20T17:00:00.000Z", "20 January 2016"})
    void aTimestampThatIsNotRfc3339InUtcFails(String timestamp) {
        ObjectNode report = report();
        report.put("published", timestamp);
        assertThat(StixSchemas.errors(report)).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("$.published: "));
    }

    @Test
    void createdMustCarryMilliseconds() {
        ObjectNode report = report();
        report.put("created", "2015-12-21T19:59:11Z");
        assertThat(StixSchemas.errors(report)).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("$.created: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.2", "3.0", "2"})
    void aSpecVersionOtherThanTwoPointOneFails(String version) {
        ObjectNode report = report();
        report.put("spec_version", version);
        assertThat(StixSchemas.errors(report)).anySatisfy(e -> assertThat(e).startsWith("$.spec_version: "));
    }

    @Test
    void theSchemasStillAcceptSpecVersionTwoPointZero() {
        // core.json's enum is ["2.0", "2.1"]: a check for exactly 2.1 belongs to the test that uses this tool
        ObjectNode report = report();
        report.put("spec_version", "2.0");
        assertThat(StixSchemas.errors(report)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"story", "x-news-digest-story", "core", "timestamp", "../sdos/report", "Report"})
    void anUnknownTypeIsAnError(String type) {
        ObjectNode report = report();
        report.put("type", type);
        assertThat(StixSchemas.errors(report)).singleElement().asString().contains("unknown STIX type").contains(type);
    }

    @Test
    void anObjectWithoutTypeIsAnError() {
        ObjectNode report = report();
        report.remove("type");
        assertThat(StixSchemas.errors(report)).singleElement().asString().startsWith("$.type: ");
    }

    @Test
    void theFormatsTheSchemasUseAreAsserted() {
        assertThat(StixSchemas.errors("""
                {"type": "domain-name", "spec_version": "2.1", "id": "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5",
                 "value": "not a host name!"}""")).anySatisfy(e -> assertThat(e).startsWith("$.value: "));
        assertThat(StixSchemas.errors("""
                {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3",
                 "value": "nobody"}""")).anySatisfy(e -> assertThat(e).startsWith("$.value: "));
        assertThat(StixSchemas.errors("""
                {"type": "url", "spec_version": "2.1", "id": "url--c1477287-23ac-5971-a010-5c287877fa60",
                 "value": "not a url"}""")).anySatisfy(e -> assertThat(e).startsWith("$.value: "));
    }

    @Test
    void anIndicatorNeedsItsPatternTypeAndValidFrom() {
        List<String> errors = StixSchemas.errors("""
                {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
                 "pattern": "[ipv4-addr:value = '203.0.113.45']"}""");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("pattern_type"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("valid_from"));
    }

    // ---------------------------------------------------------------- bundles

    @Test
    void aBundleNamesTheObjectThatIsBroken() throws IOException {
        ObjectNode bundle = (ObjectNode) example("indicator-to-campaign-relationship.json");
        ObjectNode indicator = (ObjectNode) bundle.get("objects").get(1);
        indicator.put("valid_from", "2014-09-09 19:58:39");
        List<String> errors = StixSchemas.bundleErrors(bundle);
        assertThat(errors).isNotEmpty().allSatisfy(e ->
                assertThat(e).startsWith("indicator--c43a0a05-e8d2-4f64-ae37-3f3fb153f8d9: $.valid_from: "));
    }

    @Test
    void anObjectWithoutIdIsNamedByItsIndex() throws IOException {
        ObjectNode bundle = (ObjectNode) example("indicator-to-campaign-relationship.json");
        ((ObjectNode) bundle.get("objects").get(2)).remove("id");
        assertThat(StixSchemas.bundleErrors(bundle)).anySatisfy(e -> assertThat(e).startsWith("objects[2]: ").contains("'id'"));
    }

    @Test
    void anUnknownTypeInABundleIsAnError() throws IOException {
        ObjectNode bundle = (ObjectNode) example("indicator-to-campaign-relationship.json");
        ((ArrayNode) bundle.get("objects")).add(JSON.readTree("""
                {"type": "x-story", "spec_version": "2.1", "id": "x-story--b549a58c-afd9-4847-85c3-5be13d56d3cc",
                 "created": "2014-09-09T19:58:39.609Z", "modified": "2014-09-09T19:58:39.609Z"}"""));
        assertThat(StixSchemas.bundleErrors(bundle)).singleElement().asString()
                .startsWith("x-story--b549a58c-afd9-4847-85c3-5be13d56d3cc: ").contains("unknown STIX type");
    }

    @Test
    void theBundleItselfIsChecked() throws IOException {
        ObjectNode bundle = (ObjectNode) example("indicator-to-campaign-relationship.json");
        bundle.put("id", "bundle--1");
        assertThat(StixSchemas.bundleErrors(bundle)).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("$.id: "));

        ObjectNode empty = (ObjectNode) example("indicator-to-campaign-relationship.json");
        empty.putArray("objects");
        assertThat(StixSchemas.bundleErrors(empty)).singleElement().asString().startsWith("$.objects: ");

        ObjectNode untyped = (ObjectNode) example("indicator-to-campaign-relationship.json");
        untyped.remove("type");
        assertThat(StixSchemas.bundleErrors(untyped)).singleElement().asString().contains("'type'");
    }

    @Test
    void errorsOfABundleValidateItAsABundle() throws IOException {
        assertThat(StixSchemas.errors(example("indicator-for-c2-ip-address.json"))).isEmpty();
    }

    private static ObjectNode report() {
        try {
            return (ObjectNode) JSON.readTree(REPORT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode example(String file) throws IOException {
        try (InputStream in = StixSchemasTest.class.getResourceAsStream("/stix2-schemas/examples/" + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
