package dev.newsdigest.summarize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsdigest.model.Ioc;
import dev.newsdigest.text.IndicatorText;
import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * Finds indicators of compromise in text by pattern. The text is first folded and refanged ({@link IndicatorText}:
 * full-width forms, hyphen look-alikes, {@code hxxp}, {@code [.]}, {@code [@]}, ...), and every finding keeps its place in
 * the text as written. Domains are checked against the public suffix list (Guava); file names are not domains; hashes
 * are whole hex runs of an exact length, typed by a label in front of them when it names another kind of hash; an IPv4
 * has four octets of 0-255; a URL ends as {@link UrlIocs} says and the URLs inside it are found too.
 */
public class IocExtractor {
    private static final Pattern IPV4 = Pattern.compile("(?<!\\d)(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d|\\.[A-Za-z])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])"
            + "|(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:?){0,6}(?![0-9A-Fa-f:])");
    private static final Pattern DOMAIN = Pattern.compile("(?<![\\w.@-])(?:%[0-9A-Fa-f]{2})?((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{1,62})(?![\\w@-]|\\.[A-Za-z0-9])");
    /** A hash is a whole token: a hex run glued to letters, digits or {@code _} is part of a longer one. */
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z_])[0-9A-Fa-f]{32,128}(?![0-9A-Za-z_])");
    /** {@code CVE-2024-3400}, also as file and repository names write it ({@code exploit-CVE-2024-3400}, {@code CVE_2024_3400}, {@code CVE 2024-3400}). */
    private static final Pattern CVE = Pattern.compile("(?<![A-Za-z0-9])CVE[-_ ](\\d{4})[-_](\\d{4,7})(?![0-9])", Pattern.CASE_INSENSITIVE);
    /** ATT&CK, in any case as running text writes it: a technique or sub-technique, a tactic, a mitigation; never part of a longer id. */
    private static final Pattern ATTACK = Pattern.compile("(?i)(?<![A-Za-z0-9.])(?:(T1\\d{3}(?:\\.\\d{3})?)|(TA0\\d{3})|(M1\\d{3}))(?![A-Za-z0-9]|\\.\\d)");
    /** The types a model may report, as in the digest JSON. */
    public static final List<String> TYPES = Ioc.TYPES;

    private final Set<String> ignoredDomains;

    public IocExtractor(Set<String> ignoredDomains) {
        this.ignoredDomains = ignoredDomains;
    }

    /** An IOC and where it stands in the text as written (offsets of the original, before folding and refanging). */
    public record Located(Ioc ioc, int start, int end) {
    }

    /** Undoes the usual defanging and folds full-width forms, so that IOCs can be matched (see {@link IndicatorText}). */
    public static String refang(String text) {
        return IndicatorText.plain(text);
    }

    /** Every IOC in {@code text}, in order of first appearance, each once. */
    public List<Ioc> find(String text) {
        return find(text, Set.of());
    }

    /**
     * Every IOC in {@code text}, leaving out {@code alsoIgnored} domains besides the configured ones: in the pipeline,
     * the news site's own domain.
     */
    public List<Ioc> find(String text, Set<String> alsoIgnored) {
        return locate(text, alsoIgnored).stream().map(Located::ioc).toList();
    }

    /** Every IOC in {@code text} with its place in the text as written, in order of appearance, each once. */
    public List<Located> locate(String text, Set<String> alsoIgnored) {
        if (!alsoIgnored.isEmpty()) {
            Set<String> all = new java.util.HashSet<>(ignoredDomains);
            all.addAll(alsoIgnored);
            return new IocExtractor(all).locate(text, Set.of());
        }
        IndicatorText folded = IndicatorText.of(text);
        String plain = folded.text();
        Findings found = new Findings();
        UrlFinders urls = new UrlFinders(this::ignored);
        urls.urls(plain, found);
        urls.otherSchemes(plain, found);
        emails(plain, found);
        urls.schemeless(plain, found);
        Matcher cve = CVE.matcher(plain);
        while (cve.find()) {
            if (isCveYear(Integer.parseInt(cve.group(1)))) {
                found.add("cve", "CVE-" + cve.group(1) + "-" + cve.group(2), cve.start(), cve.end());
            }
        }
        Matcher attack = ATTACK.matcher(plain);
        while (attack.find()) {
            String type = attack.group(1) != null ? "attack_technique" : attack.group(2) != null ? "attack_tactic" : "attack_mitigation";
            found.add(type, attack.group().toUpperCase(Locale.ROOT), attack.start(), attack.end());
        }
        Matcher hex = HEX.matcher(plain);
        while (hex.find()) {
            String type = HashLabels.typeOf(plain, hex.start(), hex.end());
            if (type != null) {
                found.add(type, hex.group().toLowerCase(Locale.ROOT), hex.start(), hex.end());
            }
        }
        Matcher ip = IPV4.matcher(plain);
        while (ip.find()) {
            if (!found.overlaps(ip.start(), ip.end()) && validIpv4(ip) && !continuesAToken(plain, ip.start())) {
                found.add("ipv4", ip.group(), ip.start(), ip.end());
            }
        }
        Matcher ip6 = IPV6.matcher(plain);
        while (ip6.find()) {
            if (!found.overlaps(ip6.start(), ip6.end()) && ip6.group().contains(":") && InetAddresses.isInetAddress(ip6.group())
                    && ip6.group().length() >= 6) {
                found.add("ipv6", ip6.group().toLowerCase(Locale.ROOT), ip6.start(), ip6.end());
            }
        }
        Matcher d = DOMAIN.matcher(plain);
        while (d.find()) {
            String domain = d.group(1).toLowerCase(Locale.ROOT);
            boolean defanged = !text.substring(folded.originalStart(d.start(1)), folded.originalEnd(d.end(1))).equals(d.group(1));
            if (!found.overlaps(d.start(1), d.end(1)) && isDomain(domain, defanged)) {
                found.add("domain", domain, d.start(1), d.end(1));
            }
        }
        return found.inOrder().stream()
                .map(f -> new Located(f.ioc(), folded.originalStart(f.start()), folded.originalEnd(f.end())))
                .toList();
    }

    /** Mailboxes and XMPP accounts outside URLs ({@code http://user:pass@host/} holds none); see {@link EmailIocs}. */
    private void emails(String plain, Findings found) {
        for (EmailIocs.Address a : EmailIocs.find(plain)) {
            if (found.overlaps(a.start(), a.end())) {
                continue;
            }
            if (ignored(a.domain())) {
                found.take(a.start(), a.end());
            } else {
                found.add(a.type(), a.value(), a.start(), a.end());
            }
        }
    }

    /** An IPv4 after a dot that follows a letter, digit or space ({@code x.1.2.3.4}, {@code .1.2.3.4}) is the tail of something longer. */
    private static boolean continuesAToken(String plain, int start) {
        if (start == 0 || plain.charAt(start - 1) != '.') {
            return false;
        }
        return start == 1 || Character.isLetterOrDigit(plain.charAt(start - 2)) || Character.isWhitespace(plain.charAt(start - 2));
    }

    /**
     * Whether a CVE id may have this year. The CVE list began in 1999 (CVE-1999-0001 is its first id), so an earlier year,
     * CVE-0000-0000 among them, is a placeholder or a typo. A numbering authority may assign next year's ids in the last
     * days of this one, so next year (this year in UTC, plus one, which also covers the zones ahead of UTC) is allowed;
     * a later year is no real id.
     */
    static boolean isCveYear(int year) {
        return year >= 1999 && year <= java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
    }

    /** The IOC that {@code value} is on its own, or null if it is none. */
    public Ioc classify(String value) {
        String v = refang(value.trim());
        List<Ioc> iocs = find(v);
        return iocs.size() == 1 && iocs.get(0).value().equalsIgnoreCase(stripTrailing(v)) ? iocs.get(0) : null;
    }

    private static boolean validIpv4(Matcher m) {
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                return false;
            }
        }
        return true;
    }

    private boolean isDomain(String domain, boolean writtenAsHost) {
        return !ignored(domain) && HostNames.isDomain(domain, writtenAsHost);
    }

    /** A configured ignored domain or one of its subdomains, or a reference site ({@link HostNames#isReference}). */
    private boolean ignored(String host) {
        if (HostNames.isReference(host)) {
            return true;
        }
        for (String ignoredDomain : ignoredDomains) {
            if (host.equals(ignoredDomain) || host.endsWith("." + ignoredDomain)) {
                return true;
            }
        }
        return false;
    }

    /** The ignore set for one article: its own site's registrable domain (its links are not IOCs). */
    public static Set<String> siteOfArticle(String articleUrl) {
        String site = siteOf(articleUrl);
        return site == null ? Set.of() : Set.of(site);
    }

    /** True when the IOC is a domain, URL or e-mail on an ignored domain (configured or {@code alsoIgnored}). */
    public boolean ignores(Ioc ioc, Set<String> alsoIgnored) {
        String host = switch (ioc.type()) {
            case "domain" -> ioc.value();
            case "url" -> UrlIocs.host(ioc.value());
            case "email" -> ioc.value().substring(ioc.value().indexOf('@') + 1);
            default -> null;
        };
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return ignored(h) || alsoIgnored.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }

    /** The registrable domain of a URL's host (news.example.co.jp for www.news.example.co.jp), or null. */
    public static String siteOf(String url) {
        String host = UrlIocs.host(url);
        if (host == null) {
            return null;
        }
        try {
            InternetDomainName name = InternetDomainName.from(host.toLowerCase(Locale.ROOT));
            return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : name.toString();
        } catch (IllegalArgumentException e) {
            return host.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The analyst's view of a text: every type as a key (always present), values refanged and de-duplicated in order
     * of first appearance, domains, e-mails and hashes lower-cased, CVE ids upper-cased, and the hosts of URLs and
     * e-mail addresses also listed under {@code domain}.
     */
    public Map<String, List<String>> byType(String text) {
        Map<String, java.util.LinkedHashSet<String>> sets = new LinkedHashMap<>();
        TYPES.forEach(t -> sets.put(t, new java.util.LinkedHashSet<>()));
        for (Ioc ioc : find(text)) {
            sets.get(ioc.type()).add(ioc.value());
            String host = ioc.type().equals("url") ? UrlIocs.host(ioc.value())
                    : ioc.type().equals("email") ? ioc.value().substring(ioc.value().indexOf('@') + 1) : null;
            if (host != null && InetAddresses.isInetAddress(host.replaceAll("^\\[|\\]$", ""))) {
                sets.get(host.contains(":") ? "ipv6" : "ipv4").add(host.replaceAll("^\\[|\\]$", ""));
            } else if (host != null && isDomain(host.toLowerCase(Locale.ROOT), true)) {
                sets.get("domain").add(host.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        sets.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return result;
    }

    private static String stripTrailing(String value) {
        return value.replaceAll("[.,;:!?)\\]]+$", "");
    }
}
