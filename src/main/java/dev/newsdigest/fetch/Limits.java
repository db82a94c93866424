package dev.newsdigest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one kind of outbound request may take: {@code timeout} bounds the whole exchange (connection, headers and the
 * entire body, redirects included), {@code maxBytes} the body read (what lies beyond is never read), and
 * {@code trustedHosts} are the hosts the operator configured for it (a feed's, an API's), whose addresses the guard does
 * not check; a redirect away from them is checked. {@code name} appears in logs and {@code status}; the limits come from
 * {@code <prefix>.timeout} and {@code <prefix>.max-bytes}, which error messages name.
 */
public record Limits(String name, Duration timeout, long maxBytes, Set<String> trustedHosts, String prefix) {
    public Limits {
        trustedHosts = trustedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public String timeoutKey() {
        return prefix + ".timeout";
    }

    public String maxBytesKey() {
        return prefix + ".max-bytes";
    }

    /** The host of an absolute URL, for {@code trustedHosts}; none for a blank or malformed one. */
    public static Set<String> hostOf(String url) {
        if (url == null || url.isBlank()) {
            return Set.of();
        }
        try {
            String host = java.net.URI.create(url.trim()).getHost();
            return host == null ? Set.of() : Set.of(host);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }
}
