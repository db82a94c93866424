package dev.newsdigest.cve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The vulnerable products (CPE 2.3 names) that NVD's configurations and the CVE record's affected products list for an id. */
final class VulnerableCpes {
    private static final int MAX = 20;
    private static final String CPE_23 = "cpe:2.3:";

    private VulnerableCpes() {
    }

    /** NVD's vulnerable CPEs, then the record's, without repeats, at most {@value #MAX}; either answer may be null. */
    static List<String> of(JsonNode nvd, JsonNode record) {
        Set<String> cpes = new LinkedHashSet<>();
        if (nvd != null) {
            for (JsonNode match : nvd.path("configurations").findValues("cpeMatch")) {
                for (JsonNode m : match) {
                    if (m.path("vulnerable").asBoolean(false) && m.path("criteria").asText().startsWith(CPE_23)) {
                        cpes.add(m.path("criteria").asText());
                    }
                }
            }
        }
        if (record != null) {
            for (JsonNode list : record.path("containers").findValues("cpes")) {
                for (JsonNode cpe : list) {
                    if (cpe.asText().startsWith(CPE_23)) {
                        cpes.add(cpe.asText());
                    }
                }
            }
        }
        return cpes.stream().limit(MAX).toList();
    }
}
