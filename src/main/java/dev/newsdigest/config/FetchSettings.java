package dev.newsdigest.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@code digest.fetch.*} and {@code digest.http.proxy}: how feeds and pages are fetched. */
public record FetchSettings(Duration timeout, long maxBytes, String userAgent, boolean allowPrivateAddresses, Optional<URI> proxy,
                            int maxPerHost) {

    /**
     * The User-Agent of every outbound request unless {@code digest.fetch.user-agent} says otherwise: the project and
     * its version (the jar's; {@code development} when run from classes). No URL: the project has no public page yet.
     */
    public static final String DEFAULT_USER_AGENT = "news-digest/" + version() + " (security news digest)";

    private static String version() {
        String v = FetchSettings.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static FetchSettings read(SettingsReader r) {
        String agent = r.text("digest.fetch.user-agent");
        return new FetchSettings(r.duration("digest.fetch.timeout"), r.positiveInt("digest.fetch.max-bytes"),
                agent.isEmpty() ? DEFAULT_USER_AGENT : agent, r.bool("digest.fetch.allow-private-addresses"),
                Optional.ofNullable(r.httpUri("digest.http.proxy")), r.positiveInt("digest.fetch.max-per-host"));
    }
}
