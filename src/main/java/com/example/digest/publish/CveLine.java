package com.example.digest.publish;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.example.digest.config.Messages;
import com.example.digest.model.CveContext;

/**
 * One CVE's context as the digest shows it under an item, e.g.
 * {@code CVE-2024-3400 — CVSS 10.0 (CRITICAL, NVD v3.1) · EPSS 0.94 (p99.9) · KEV 2024-04-12, due 2024-05-03 · JVNDB-2024-003456}.
 * A part whose source does not list the CVE is left out; a source that could not be asked is named at the end.
 */
public final class CveLine {
    private CveLine() {
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
            parts.add(m.format("cve.limit", com.example.digest.cve.CveSources.MAX_IDS));
        } else if (!missing.isEmpty()) {
            parts.add(m.format("cve.missing", String.join(", ", missing)));
        }
        return c.id() + " — " + (parts.isEmpty() ? m.get("cve.noData") : String.join(" · ", parts));
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
