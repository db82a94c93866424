package dev.newsdigest.cve;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.newsdigest.model.CveContext;
import dev.newsdigest.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CVE sources' answers, read from the real records in {@code enrichment/}, and the CVSS source priority case by case. */
class CveRecordsTest {
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode read(String name) throws Exception {
        return json.readTree(Fixtures.text("enrichment/" + name));
    }

    private ObjectNode nvdCve() throws Exception {
        return (ObjectNode) read("nvd-cve-2.0-sample.json").path("vulnerabilities").get(0).path("cve").deepCopy();
    }

    private static ObjectNode metric(ObjectMapper json, String source, String type, String version, double score, String severity) {
        ObjectNode m = json.createObjectNode().put("source", source).put("type", type);
        m.putObject("cvssData").put("version", version).put("baseScore", score).put("baseSeverity", severity)
                .put("vectorString", "CVSS:" + version + "/AV:N");
        return m;
    }

    @Test
    void nvdsOwnPrimaryScoreComesFirstAndV2IsNeverShown() throws Exception {
        assertThat(CvssPicker.pick(nvdCve(), read("cve5-vulnrichment-CVE-2015-2051.json")))
                .isEqualTo(new CveContext.Cvss(6.3, "MEDIUM", "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:N", "3.1", "NVD"));

        ObjectNode v2only = nvdCve();
        ((ObjectNode) v2only.path("metrics")).remove("cvssMetricV31");
        assertThat(CvssPicker.hasPrimary(v2only)).isFalse();
        assertThat(CvssPicker.pick(v2only, null)).isNull();
    }

    @Test
    void withinASourceV40ComesBeforeV31AndV31BeforeV30() throws Exception {
        ObjectNode cve = nvdCve();
        ObjectNode metrics = (ObjectNode) cve.path("metrics");
        metrics.putArray("cvssMetricV30").add(metric(json, "nvd@nist.gov", "Primary", "3.0", 5.0, "MEDIUM"));
        assertThat(CvssPicker.pick(cve, null).version()).isEqualTo("3.1");
        metrics.putArray("cvssMetricV40").add(metric(json, "nvd@nist.gov", "Primary", "4.0", 9.3, "CRITICAL"));
        assertThat(CvssPicker.pick(cve, null)).extracting(CveContext.Cvss::score, CveContext.Cvss::version, CveContext.Cvss::source)
                .containsExactly(9.3, "4.0", "NVD");
        metrics.remove("cvssMetricV40");
        metrics.remove("cvssMetricV31");
        assertThat(CvssPicker.pick(cve, null).version()).isEqualTo("3.0");
    }

    @Test
    void withoutAnNvdScoreTheCnasComesBeforeCisaAdps() throws Exception {
        ObjectNode cve5 = (ObjectNode) read("cve5-vulnrichment-CVE-2015-2051.json").deepCopy();
        // the real record: the CNA gave no score, CISA's ADP did
        assertThat(CvssPicker.pick(null, cve5))
                .isEqualTo(new CveContext.Cvss(8.8, "HIGH", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "3.1", "CISA-ADP"));
        // the same record with a CNA score: the CNA's wins, whatever its version
        ArrayNode cnaMetrics = ((ObjectNode) cve5.path("containers").path("cna")).putArray("metrics");
        cnaMetrics.addObject().putObject("cvssV3_0").put("version", "3.0").put("baseScore", 7.5).put("baseSeverity", "HIGH")
                .put("vectorString", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        assertThat(CvssPicker.pick(null, cve5)).extracting(CveContext.Cvss::score, CveContext.Cvss::source).containsExactly(7.5, "CNA");
        // NVD's Primary beats both
        assertThat(CvssPicker.pick(nvdCve(), cve5).source()).isEqualTo("NVD");
    }

    @Test
    void nvdSecondaryScoresStandInForTheCnaAndCisaWhenThereIsNoCveRecord() throws Exception {
        ObjectNode cve = nvdCve();
        ObjectNode metrics = (ObjectNode) cve.path("metrics");
        metrics.remove("cvssMetricV31");
        metrics.putArray("cvssMetricV31").add(metric(json, "134c704f-9b21-4f2e-91b3-4a467353bcc0", "Secondary", "3.1", 8.8, "HIGH"));
        assertThat(CvssPicker.pick(cve, null).source()).isEqualTo("CISA-ADP");
        ((ArrayNode) metrics.path("cvssMetricV31")).add(metric(json, "psirt@vendor.example", "Secondary", "3.1", 9.1, "CRITICAL"));
        assertThat(CvssPicker.pick(cve, null)).extracting(CveContext.Cvss::score, CveContext.Cvss::source).containsExactly(9.1, "CNA");
    }

    @Test
    void kevEntriesAreFoundByIdWithTheirTextTrimmed() throws Exception {
        KevCatalog kev = KevCatalog.of(read("kev-sample.json"));
        assertThat(kev.size()).isEqualTo(3);
        assertThat(kev.get("cve-2024-57727"))
                .isEqualTo(new CveContext.Kev("2025-02-13", "2025-03-06", "Unknown", "SimpleHelp", "SimpleHelp"));
        assertThat(kev.get("CVE-2020-1945")).isNull();
        assertThatThrownBy(() -> KevCatalog.of(json.readTree("{\"title\":\"not it\"}"))).hasMessageContaining("not a KEV catalog");
    }

    @Test
    void epssNumbersArriveAsStringsAndNonsenseIsLeftOut() throws Exception {
        Map<String, CveContext.Epss> scores = EpssScores.of(read("epss-api-answer.json"));
        assertThat(scores.get("CVE-2024-57727")).isEqualTo(new CveContext.Epss(0.94312, 0.99953, "2026-11-25"));
        JsonNode odd = json.readTree("{\"data\":[{\"cve\":\"CVE-1\",\"epss\":\"1.7\",\"percentile\":\"0.5\"},"
                + "{\"cve\":\"CVE-2\",\"epss\":\"NaN-ish\",\"percentile\":\"0.5\"}]}");
        assertThat(EpssScores.of(odd)).isEmpty();
    }

    @Test
    void jvnTakesTheEntryThatReferencesTheIdNotOneThatMentionsIt() throws Exception {
        byte[] answer = Fixtures.text("enrichment/myjvn-CVE-2020-1945.xml").getBytes(StandardCharsets.UTF_8);
        assertThat(JvnOverviews.find(answer, "CVE-2020-1945"))
                .isEqualTo(new CveContext.Jvn("JVNDB-2020-005021", "https://jvndb.jvn.jp/ja/contents/2020/JVNDB-2020-005021.html"));
        assertThat(JvnOverviews.find(answer, "CVE-2099-0001")).isNull();
    }

    @Test
    void aJvnErrorStatusOrADoctypeIsRefused() {
        String error = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:status="http://jvndb.jvn.jp/myjvn/Status">
                <status:Status retCd="1" errCd="XX00000001" errMsg="parameter error"/></rdf:RDF>""";
        assertThatThrownBy(() -> JvnOverviews.find(error.getBytes(StandardCharsets.UTF_8), "CVE-2020-1945"))
                .hasMessage("MyJVN error XX00000001: parameter error");
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>""";
        assertThatThrownBy(() -> JvnOverviews.find(xxe.getBytes(StandardCharsets.UTF_8), "CVE-2020-1945"))
                .hasMessageStartingWith("not a MyJVN answer");
    }
}
