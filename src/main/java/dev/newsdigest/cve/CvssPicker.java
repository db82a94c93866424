package dev.newsdigest.cve;

import java.util.List;

import dev.newsdigest.model.CveContext.Cvss;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Picks the one CVSS base score a digest shows: NVD's own (its {@code Primary} metric), else the CNA's, else CISA's
 * ADP (Vulnrichment); within a source v4.0, then v3.1, then v3.0. CVSS v2 is never shown.
 */
public final class CvssPicker {
    public static final String NVD = "NVD";
    public static final String CNA = "CNA";
    public static final String CISA_ADP = "CISA-ADP";
    /** NVD names CISA's ADP by its organisation id when it carries its metrics as Secondary. */
    private static final String CISA_ADP_ORG = "134c704f-9b21-4f2e-91b3-4a467353bcc0";
    private static final List<String> NVD_KEYS = List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30");
    private static final List<String> CVE5_KEYS = List.of("cvssV4_0", "cvssV3_1", "cvssV3_0");

    private CvssPicker() {
    }

    /**
     * The score for a CVE from its NVD 2.0 record ({@code vulnerabilities[].cve}, may be null) and its CVE JSON 5 record
     * (may be null, fetched only when NVD has no Primary score); null when neither has one.
     */
    public static Cvss pick(JsonNode nvdCve, JsonNode cve5) {
        Cvss primary = fromNvd(nvdCve, "Primary", null);
        if (primary != null) {
            return primary;
        }
        JsonNode containers = cve5 == null ? null : cve5.path("containers");
        Cvss cna = containers == null ? null : fromCve5(containers.path("cna").path("metrics"), CNA);
        if (cna == null) {
            // without the CVE record, NVD's Secondary metrics from anyone but CISA are the CNA's
            cna = fromNvd(nvdCve, "Secondary", false);
        }
        if (cna != null) {
            return cna;
        }
        if (containers != null) {
            for (JsonNode adp : containers.path("adp")) {
                if (CISA_ADP.equals(adp.path("providerMetadata").path("shortName").asText())) {
                    Cvss cisa = fromCve5(adp.path("metrics"), CISA_ADP);
                    if (cisa != null) {
                        return cisa;
                    }
                }
            }
        }
        return fromNvd(nvdCve, "Secondary", true);
    }

    /** Whether NVD's record has a score of its own; if not, the CVE record is worth asking for the CNA's and CISA's. */
    public static boolean hasPrimary(JsonNode nvdCve) {
        return fromNvd(nvdCve, "Primary", null) != null;
    }

    /** The best {@code type} metric of an NVD record; {@code cisa}: only CISA ADP's (true), only others' (false), any (null). */
    private static Cvss fromNvd(JsonNode cve, String type, Boolean cisa) {
        if (cve == null) {
            return null;
        }
        for (String key : NVD_KEYS) {
            for (JsonNode metric : cve.path("metrics").path(key)) {
                boolean byCisa = CISA_ADP_ORG.equals(metric.path("source").asText());
                if (type.equals(metric.path("type").asText()) && (cisa == null || cisa == byCisa)) {
                    Cvss cvss = cvss(metric.path("cvssData"), type.equals("Primary") ? NVD : byCisa ? CISA_ADP : CNA);
                    if (cvss != null) {
                        return cvss;
                    }
                }
            }
        }
        return null;
    }

    /** The best score in a CVE JSON 5 {@code metrics} array. */
    private static Cvss fromCve5(JsonNode metrics, String source) {
        for (String key : CVE5_KEYS) {
            for (JsonNode metric : metrics) {
                Cvss cvss = cvss(metric.path(key), source);
                if (cvss != null) {
                    return cvss;
                }
            }
        }
        return null;
    }

    private static Cvss cvss(JsonNode data, String source) {
        if (!data.path("baseScore").isNumber() || data.path("version").asText().isEmpty()) {
            return null;
        }
        double score = data.path("baseScore").asDouble();
        if (score < 0 || score > 10) {
            return null;
        }
        return new Cvss(score, data.path("baseSeverity").asText(null), data.path("vectorString").asText(null),
                data.path("version").asText(), source);
    }
}
