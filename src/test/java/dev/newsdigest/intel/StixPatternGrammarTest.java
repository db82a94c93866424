package dev.newsdigest.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StixPatternGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "[ipv4-addr:value = '203.0.113.45']",
            "[ipv6-addr:value = '2001:db8::1']",
            "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
            "[url:value = 'http://a.example/x?y=1']",
            "[domain-name:value = 'evil.example']",
            "[email-addr:value = 'a@b.example']",
            // the pattern text is 'http://a.example/it\'s' and 'a\\b': an escaped quote, an escaped backslash
            "[url:value = 'http://a.example/it\\'s']",
            "[file:name = 'a\\\\b']",
            "[ipv4-addr:value = '198.51.100.1' OR ipv4-addr:value = '198.51.100.2']",
            "[domain-name:value = 'evil.example'] AND [url:value = 'http://evil.example/'] WITHIN 600 SECONDS",
            "([file:name = 'x.exe'] FOLLOWEDBY [file:name = 'y.dll']) REPEATS 2 TIMES",
            "[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24']",
            "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
            "[file:size NOT IN (0, 1, 2)]",
            "[email-message:subject MATCHES '^Invoice [0-9]+$']",
            "[x509-certificate:validity_not_after < t'2016-01-01T00:00:00Z']",
            "[ipv4-addr:value = '203.0.113.45'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.123Z'",
            "[artifact:payload_bin = b'aGVsbG8=' AND file:hashes.MD5 = h'00ff']",
            "[windows-registry-key:key LIKE 'HKEY_LOCAL_MACHINE\\\\%']",
            "[EXISTS file:name]"})
    void validPatternsParse(String pattern) {
        assertThat(StixPatternGrammar.errors(pattern)).as(pattern).isEmpty();
    }

    @Test
    void thePatternsInTheOasisExamplesParse() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (String file : List.of("indicator-for-c2-ip-address.json", "indicator-to-campaign-relationship.json",
                "indicators-for-C2-with-COA.json", "malicious-email-indicator-with-attachment.json")) {
            try (InputStream in = getClass().getResourceAsStream("/stix2-schemas/examples/" + file)) {
                for (JsonNode object : new ObjectMapper().readTree(in).get("objects")) {
                    if (object.has("pattern")) {
                        patterns.add(object.get("pattern").asText());
                    }
                }
            }
        }
        assertThat(patterns).hasSizeGreaterThan(3)
                .allSatisfy(p -> assertThat(StixPatternGrammar.errors(p)).as(p).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // an unescaped quote inside the string
            "[url:value = 'http://a.example/it's']",
            // an escape other than \' and \\
            "[file:name = 'a\\nb']",
            // no brackets, or only one
            "ipv4-addr:value = '203.0.113.45'",
            "[ipv4-addr:value = '203.0.113.45'",
            "ipv4-addr:value = '203.0.113.45']",
            // unknown operators
            "[ipv4-addr:value ~ '203.0.113.45']",
            "[ipv4-addr:value CONTAINS '203.0.113.45']",
            "[ipv4-addr:value === '203.0.113.45']",
            // lower-case keyword
            "[ipv4-addr:value = '1.2.3.4' or ipv4-addr:value = '1.2.3.5']",
            // trailing garbage
            "[ipv4-addr:value = '203.0.113.45'] x",
            "[ipv4-addr:value = '203.0.113.45']]",
            "[ipv4-addr:value = '203.0.113.45'] AND",
            // no object type, no property, unquoted value, empty
            "[value = '203.0.113.45']",
            "[ipv4-addr: = '203.0.113.45']",
            "[ipv4-addr:value = 203.0.113.45]",
            "[]",
            "",
            // a timestamp that is not UTC, a qualifier without its unit
            "[ipv4-addr:value = '1.2.3.4'] START t'2016-06-01T00:00:00+01:00' STOP t'2016-07-01T00:00:00Z'",
            "[ipv4-addr:value = '1.2.3.4'] WITHIN 5"})
    void invalidPatternsFail(String pattern) {
        assertThat(StixPatternGrammar.errors(pattern)).as(pattern).isNotEmpty();
    }

    @Test
    void errorsSayWhere() {
        assertThat(StixPatternGrammar.errors("[ipv4-addr:value = '203.0.113.45'] x"))
                .isNotEmpty().first().asString().startsWith("1:36 ");
        assertThat(StixPatternGrammar.errors("[url:value = 'http://a.example/it's']"))
                .anySatisfy(e -> assertThat(e).startsWith("1:"));
    }
}
