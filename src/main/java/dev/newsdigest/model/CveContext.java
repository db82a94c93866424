package dev.newsdigest.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the public sources say of one CVE id, as {@code items[].cves[]} of the digest JSON. A part is null when its
 * source does not list the CVE ({@code kev: null}: not in the catalog) or could not be asked; {@code missing} names the
 * sources that could not be asked and had no cached answer, so that "not listed" and "not known" stay apart.
 */
@JsonPropertyOrder({"id", "cvss", "epss", "kev", "jvn", "cpes", "missing"})
public record CveContext(String id, Cvss cvss, Epss epss, Kev kev, Jvn jvn, List<String> cpes, List<String> missing) {

    /**
     * A CVSS base score: {@code source} is {@code NVD} (NVD's own, Primary), {@code CNA} (the numbering authority's) or
     * {@code CISA-ADP} (CISA's Vulnrichment); {@code version} is {@code 4.0}, {@code 3.1} or {@code 3.0}.
     */
    @JsonPropertyOrder({"score", "severity", "vector", "version", "source"})
    public record Cvss(double score, String severity, String vector, String version, String source) {
    }

    /** FIRST's EPSS: the probability of exploitation in the next 30 days, its percentile, and the day it was scored. */
    @JsonPropertyOrder({"probability", "percentile", "date"})
    public record Epss(double probability, double percentile, String date) {
    }

    /** The CVE's entry in CISA's Known Exploited Vulnerabilities catalog. */
    @JsonPropertyOrder({"dateAdded", "dueDate", "knownRansomwareCampaignUse", "vendorProject", "product"})
    public record Kev(String dateAdded, String dueDate, String knownRansomwareCampaignUse, String vendorProject, String product) {
    }

    /** The JVN iPedia entry (JVNDB-YYYY-NNNNNN) that covers the CVE, with its page. */
    @JsonPropertyOrder({"id", "url"})
    public record Jvn(String id, String url) {
    }
}
