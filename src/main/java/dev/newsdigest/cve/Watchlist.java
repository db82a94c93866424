package dev.newsdigest.cve;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.newsdigest.config.ConfigException;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.DigestItem;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

/**
 * {@code digest.watchlist}: the vendors and products that concern us, each a name ({@code FortiWeb}, {@code Fortinet},
 * {@code Palo Alto Networks PAN-OS}) or a CPE 2.3 name ({@code cpe:2.3:a:fortinet:fortiweb:*}, the components left out
 * meaning any). An item concerns us when one of its CVEs' CPEs matches a CPE entry, or when a name (the vendor, the
 * product, or both) of an entry is that of its CVEs' CPEs, its KEV entries or the vendors and products the model named.
 * Names are compared after NFKC, case folding, and with {@code _} as a space and runs of space as one.
 */
public final class Watchlist {
    private static final String CPE_PREFIX = "cpe:2.3:";
    private static final int CPE_COMPONENTS = 13;

    /** One entry: its CPE (null for a name), and the names it goes by. */
    private record Entry(Cpe cpe, Set<String> names, String label) {
    }

    private final List<Entry> entries;

    private Watchlist(List<Entry> entries) {
        this.entries = entries;
    }

    public static final Watchlist EMPTY = new Watchlist(List.of());

    /** Reads the entries; a CPE that does not parse is a {@link ConfigException} on {@code digest.watchlist}. */
    public static Watchlist of(List<String> written) {
        List<Entry> entries = new ArrayList<>();
        for (String entry : written) {
            if (entry.toLowerCase(Locale.ROOT).startsWith(CPE_PREFIX)) {
                Cpe cpe = cpe(entry);
                Set<String> names = new LinkedHashSet<>();
                String vendor = any(cpe.getVendor()) ? null : fold(cpe.getVendor());
                String product = any(cpe.getProduct()) ? null : fold(cpe.getProduct());
                if (product != null) {
                    names.add(product);
                    if (vendor != null) {
                        names.add(vendor + " " + product);
                    }
                } else if (vendor != null) {
                    names.add(vendor);
                }
                entries.add(new Entry(cpe, names, product != null ? cpe.getProduct().replace('_', ' ') : cpe.getVendor().replace('_', ' ')));
            } else {
                entries.add(new Entry(null, Set.of(fold(entry)), entry.strip()));
            }
        }
        return new Watchlist(List.copyOf(entries));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The watchlist entries {@code item} concerns, by the name it gives them (a KEV or model spelling when one matched). */
    public List<String> concerns(DigestItem item) {
        Set<String> labels = new LinkedHashSet<>();
        for (Entry entry : entries) {
            String label = match(entry, item);
            if (label != null) {
                labels.add(label);
            }
        }
        return List.copyOf(labels);
    }

    private static String match(Entry entry, DigestItem item) {
        for (CveContext cve : item.cveContexts()) {
            if (cve.kev() != null) {
                for (String name : kevNames(cve.kev())) {
                    if (entry.names().contains(fold(name))) {
                        return cve.kev().product() != null && entry.names().contains(fold(cve.kev().product())) ? cve.kev().product() : name;
                    }
                }
            }
        }
        for (String named : item.entities()) {
            if (entry.names().contains(fold(named))) {
                return named;
            }
        }
        for (CveContext cve : item.cveContexts()) {
            for (String written : cve.cpes() == null ? List.<String>of() : cve.cpes()) {
                Cpe cpe = parsed(written);
                if (cpe == null) {
                    continue;
                }
                if (entry.cpe() != null ? entry.cpe().matches(cpe) : entry.names().contains(fold(cpe.getProduct()))
                        || entry.names().contains(fold(cpe.getVendor()))
                        || entry.names().contains(fold(cpe.getVendor() + " " + cpe.getProduct()))) {
                    return entry.label();
                }
            }
        }
        return null;
    }

    /** The names a KEV entry goes by: its vendor, its product, and both. */
    private static List<String> kevNames(CveContext.Kev kev) {
        List<String> names = new ArrayList<>();
        if (kev.product() != null) {
            names.add(kev.product());
        }
        if (kev.vendorProject() != null) {
            names.add(kev.vendorProject());
            if (kev.product() != null) {
                names.add(kev.vendorProject() + " " + kev.product());
            }
        }
        return names;
    }

    private static Cpe cpe(String written) {
        String[] parts = written.strip().split(":", -1);
        StringBuilder padded = new StringBuilder(written.strip());
        for (int i = parts.length; i < CPE_COMPONENTS; i++) {
            padded.append(":*"); // a component left out matches any
        }
        try {
            return CpeParser.parse(padded.toString());
        } catch (CpeParsingException e) {
            throw new ConfigException("digest.watchlist", "'" + written.strip() + "' is not a CPE 2.3 name: " + e.getMessage());
        }
    }

    private static Cpe parsed(String written) {
        try {
            return CpeParser.parse(written);
        } catch (CpeParsingException e) {
            return null;
        }
    }

    private static boolean any(String component) {
        return component == null || component.equals("*") || component.equals("-") || component.isEmpty();
    }

    /** NFKC, lower case, {@code _} and runs of white space as one space, CPE escapes undone. */
    static String fold(String s) {
        return Normalizer.normalize(s.replace("\\", ""), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('_', ' ').replaceAll("\\s+", " ").strip();
    }
}
