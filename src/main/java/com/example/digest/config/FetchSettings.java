package com.example.digest.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@code digest.fetch.*} and {@code digest.http.proxy}: how feeds and pages are fetched. */
public record FetchSettings(Duration timeout, long maxBytes, String userAgent, boolean allowPrivateAddresses, Optional<URI> proxy,
                            int maxPerHost) {

    /** The User-Agent of feed and page requests unless {@code digest.fetch.user-agent} says otherwise. */
    public static final String DEFAULT_USER_AGENT = "news-digest/0.1 (security news digest; +https://github.com/example/news-digest)";

    static FetchSettings read(SettingsReader r) {
        String agent = r.text("digest.fetch.user-agent");
        return new FetchSettings(r.duration("digest.fetch.timeout"), r.positiveInt("digest.fetch.max-bytes"),
                agent.isEmpty() ? DEFAULT_USER_AGENT : agent, r.bool("digest.fetch.allow-private-addresses"),
                Optional.ofNullable(r.httpUri("digest.http.proxy")), r.positiveInt("digest.fetch.max-per-host"));
    }
}
