package dev.newsdigest.publish;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.newsdigest.config.Messages;
import dev.newsdigest.model.CveContext;

/**
 * One CVE's context as the digest shows it under an item, e.g.
 * {@code CVE-2024-3400 — CVSS 10.0 (CRITICAL, NVD v3.1) · EPSS 0.94 (p99.9) · KEV 2024-04-12, due 2024-05-03 · JVNDB-2024-003456}.
 * A part whose source does not list the CVE is left out; a source that could not be asked is named at the end.
 */
public final class CveLine {
    /**
     * The most severe first: in KEV (exploited) before the rest, then the higher CVSS base score, then the higher EPSS,
     * then by id (year and number as numbers, so CVE-2025-9999 comes before CVE-2025-10000). No score sorts below any.
     */
    public static final Comparator<CveContext> MOST_SEVERE_FIRST = Comparator
            .comparing((CveContext c) -> c.kev() == null)
            .thenComparing(c -> c.cvss() == null ? null : c.cvss().score(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(c -> c.epss() == null ? null : c.epss().probability(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CveLine::year).thenComparing(CveLine::number).thenComparing(CveContext::id);

    private CveLine() {
    }

    /** The most CVE lines shown for one item: an article listing a vendor's whole advisory must not bury the digest. */
    public static final int MAX_LINES = 10;

    /** An item's CVE lines, most severe first, at most {@link #MAX_LINES}, then how many more there are ({@code 他 N 件}). */
    public static List<String> capped(List<CveContext> cves, Messages m) {
        List<String> lines = new java.util.ArrayList<>(cves.stream().sorted(MOST_SEVERE_FIRST).limit(MAX_LINES).map(c -> of(c, m)).toList());
        if (cves.size() > MAX_LINES) {
            lines.add(m.format("cve.more", cves.size() - MAX_LINES));
        }
        return lines;
    }

    public static String of(CveContext c, Messages m) {
        List<String> parts = new ArrayList<>();
        if (c.cvss() != null) {
            parts.add(String.format(Locale.ROOT, "CVSS %.1f (%s%s v%s)", c.cvss().score(),
                    c.cvss().severity() == null ? "" : c.cvss().severity() + ", ", c.cvss().source(), c.cvss().version()));
        }
        if (c.epss() != null) {
            parts.add("EPSS " + probability(c.epss().probability()) + " (p" + percentile(c.epss().percentile()) + ")");
        }
        if (c.kev() != null) {
            String kev = "KEV " + c.kev().dateAdded() + (c.kev().dueDate() == null ? "" : ", due " + c.kev().dueDate());
            parts.add("Known".equalsIgnoreCase(c.kev().knownRansomwareCampaignUse()) ? kev + ", " + m.get("cve.ransomware") : kev);
        }
        if (c.jvn() != null) {
            parts.add(c.jvn().id());
        }
        List<String> missing = c.missing() == null ? List.of() : c.missing();
        if (missing.contains("limit")) {
            parts.add(m.format("cve.limit", dev.newsdigest.cve.CveSources.MAX_IDS));
        } else if (!missing.isEmpty()) {
            parts.add(m.format("cve.missing", String.join(", ", missing)));
        }
        return c.id() + " — " + (parts.isEmpty() ? m.get("cve.noData") : String.join(" · ", parts));
    }

    private static long year(CveContext c) {
        return part(c.id(), 1);
    }

    private static long number(CveContext c) {
        return part(c.id(), 2);
    }

    /** The year (1) or number (2) of {@code CVE-YYYY-NNNN}; an id of another shape sorts after those of this one. */
    private static long part(String id, int index) {
        String[] parts = id == null ? new String[0] : id.split("-");
        return parts.length == 3 && parts[index].matches("\\d{1,9}") ? Long.parseLong(parts[index]) : Long.MAX_VALUE;
    }

    /** 0.94 for a likely exploit; two significant digits below 0.1 (0.0027), so that a small score does not read as 0. */
    static String probability(double p) {
        return p >= 0.1 ? String.format(Locale.ROOT, "%.2f", p)
                : new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** The percentile rounded down to one decimal, so that p99.95 reads p99.9 and never p100.0 short of the top. */
    static String percentile(double p) {
        return new BigDecimal(Math.floor(p * 1000) / 10).setScale(1, java.math.RoundingMode.DOWN).toPlainString();
    }
}
