package dev.newsdigest.summarize;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;

/**
 * The URL-shaped findings of {@link IocExtractor}: web URLs (and the URLs they carry), the hosts of other schemes, and
 * URLs written without a scheme. Each takes its span, so that no domain, address or e-mail is found again inside it.
 */
final class UrlFinders {
    /** A web URL: the schemes a browser or downloader fetches. */
    private static final Pattern URL = Pattern.compile("(?<![A-Za-z0-9])(?:https?|s?ftps?)://[^\\s<>\"'`、。「」『』【】]+", Pattern.CASE_INSENSITIVE);
    /** Another scheme ({@code tcp://}, {@code udp://}, {@code ssh://}): no URL of ours, but its host is an indicator. */
    private static final Pattern OTHER_SCHEME = Pattern.compile("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,15}://[^\\s<>\"'`]+");
    /** A URL written without a scheme: a name (checked for a public suffix) with a path after it. */
    private static final Pattern SCHEMELESS = Pattern.compile(
            "(?<![\\w.@/\\\\:%-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{1,62})(?::\\d{1,5})?/[^\\s<>\"'`]+");
    /** Hosts whose URLs are taken without being reported: the configured ignored domains and the reference sites. */
    private final Predicate<String> ignored;

    UrlFinders(Predicate<String> ignored) {
        this.ignored = ignored;
    }

    /**
     * URLs, each ended where running text ends it, and the URLs they carry (even when the outer host is ignored). What is
     * no URL at all (no host name or address where the host stands) is left for the other patterns.
     */
    void urls(String plain, Findings found) {
        Matcher m = URL.matcher(plain);
        int from = 0;
        while (from < plain.length() && m.find(from)) {
            String value = UrlIocs.end(m.group());
            int end = m.start() + value.length();
            from = Math.max(end, m.start() + 1); // what a CSV separator cut off is looked at again
            String host = UrlIocs.host(value);
            if (host == null) {
                continue;
            }
            if (ignored.test(host)) {
                found.take(m.start(), end);
            } else {
                found.add("url", value, m.start(), end);
            }
            for (String inner : UrlIocs.inner(value)) {
                String innerHost = UrlIocs.host(inner);
                if (innerHost != null && !ignored.test(innerHost)) {
                    found.addInner("url", inner, m.start(), end);
                }
            }
        }
    }

    /** {@code tcp://198.51.100.7:443/x}: the host is the indicator, typed as what it is; the rest is no URL of ours. */
    void otherSchemes(String plain, Findings found) {
        Matcher m = OTHER_SCHEME.matcher(plain);
        while (m.find()) {
            String value = UrlIocs.end(m.group());
            String host = UrlIocs.host(value);
            if (found.overlaps(m.start(), m.start() + 1) || host == null) {
                continue;
            }
            int end = m.start() + value.length();
            if (InetAddresses.isInetAddress(host)) {
                found.add(host.contains(":") ? "ipv6" : "ipv4", host, m.start(), end);
            } else if (HostNames.isDomain(host, true) && !ignored.test(host)) {
                found.add("domain", host, m.start(), end);
            } else {
                found.take(m.start(), end);
            }
        }
    }

    /**
     * URLs written without a scheme ({@code evil.example.com/gate.php}, {@code evil.zip/payload}): the host must be a
     * domain under a public suffix (a file-extension TLD included: the path makes it a host), and a path must follow the
     * slash. Reported as written, without a scheme the text does not give.
     */
    void schemeless(String plain, Findings found) {
        Matcher m = SCHEMELESS.matcher(plain);
        while (m.find()) {
            String value = UrlIocs.end(m.group());
            int end = m.start() + value.length();
            String host = m.group(1).toLowerCase(Locale.ROOT);
            boolean path = value.length() > value.indexOf('/') + 1;
            if (!path || found.overlaps(m.start(), end) || !HostNames.isDomain(host, true)) {
                continue;
            }
            if (ignored.test(host)) {
                found.take(m.start(), end);
            } else {
                found.add("url", value, m.start(), end);
            }
        }
    }
}
