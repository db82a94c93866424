package dev.newsdigest.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StixIdsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anObservablesIdIsTheOneStix21Section29GivesForTheSpecificationsOwnExample() {
        // STIX 2.1, 2.7 (identifier), whose example is the UUIDv5 of {"value":"198.51.100.3"} under the namespace of 2.9
        assertThat(StixIds.observable("ipv4-addr", json.createObjectNode().put("value", "198.51.100.3")))
                .isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
        // as other STIX tools derive them (python-stix2 generates the same)
        assertThat(StixIds.observable("ipv6-addr", json.createObjectNode().put("value", "2001:db8::1")))
                .isEqualTo("ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26");
        assertThat(StixIds.observable("domain-name", json.createObjectNode().put("value", "example.com")))
                .isEqualTo("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
    }

    @Test
    void contributingPropertiesAreHashedInCanonicalOrderWhateverOrderTheyWereAddedIn() {
        var a = json.createObjectNode();
        a.putObject("hashes").put("SHA-256", "ab").put("MD5", "cd");
        var b = json.createObjectNode();
        b.putObject("hashes").put("MD5", "cd").put("SHA-256", "ab");
        assertThat(StixIds.canonical(a)).isEqualTo("{\"hashes\":{\"MD5\":\"cd\",\"SHA-256\":\"ab\"}}");
        assertThat(StixIds.observable("file", a)).isEqualTo(StixIds.observable("file", b));
    }

    @Test
    void aDomainObjectsIdDependsOnWhatItIsAboutNotOnCaseOrSurroundingSpace() {
        assertThat(StixIds.of("vulnerability", "CVE-2025-64446")).isEqualTo(StixIds.of("vulnerability", " cve-2025-64446 "))
                .isNotEqualTo(StixIds.of("vulnerability", "CVE-2025-64447"))
                .matches("vulnerability--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void aPatternEscapesQuotesAndBackslashesAndNothingElse() {
        assertThat(StixPatterns.equals("url", "value", "http://a.example/it's\\x?q=1&r=ü"))
                .isEqualTo("[url:value = 'http://a.example/it\\'s\\\\x?q=1&r=ü']");
    }
}
