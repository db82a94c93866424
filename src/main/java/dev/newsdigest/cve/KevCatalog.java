package dev.newsdigest.cve;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.newsdigest.model.CveContext.Kev;
import com.fasterxml.jackson.databind.JsonNode;

/** CISA's Known Exploited Vulnerabilities catalog ({@code known_exploited_vulnerabilities.json}), by CVE id. */
public final class KevCatalog {
    private final Map<String, Kev> entries;

    private KevCatalog(Map<String, Kev> entries) {
        this.entries = entries;
    }

    /** Reads the catalog; an entry without a CVE id is left out. Text is trimmed (the catalog has trailing spaces). */
    public static KevCatalog of(JsonNode catalog) {
        if (!catalog.path("vulnerabilities").isArray()) {
            throw new IllegalArgumentException("not a KEV catalog: no vulnerabilities array");
        }
        Map<String, Kev> entries = new HashMap<>();
        for (JsonNode v : catalog.path("vulnerabilities")) {
            String id = v.path("cveID").asText("").trim().toUpperCase(Locale.ROOT);
            if (!id.isEmpty()) {
                entries.put(id, new Kev(text(v, "dateAdded"), text(v, "dueDate"), text(v, "knownRansomwareCampaignUse"),
                        text(v, "vendorProject"), text(v, "product")));
            }
        }
        return new KevCatalog(entries);
    }

    /** The entry for {@code cveId}, or null when the catalog does not list it. */
    public Kev get(String cveId) {
        return entries.get(cveId.toUpperCase(Locale.ROOT));
    }

    public int size() {
        return entries.size();
    }

    private static String text(JsonNode node, String field) {
        String v = node.path(field).asText("").trim();
        return v.isEmpty() ? null : v;
    }
}
