package dev.newsdigest.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code digest.feeds}, {@code digest.feed.<id>.*}, {@code digest.poll.interval}, {@code digest.max-item-age} and
 * {@code digest.feed.max-new-per-poll} (the most entries of one feed a poll takes on; the rest wait in the state).
 */
public record FeedSettings(List<FeedConfig> feeds, Duration pollInterval, Duration maxItemAge, int maxNewPerPoll) {

    static FeedSettings read(SettingsReader r) {
        return new FeedSettings(feeds(r), r.duration("digest.poll.interval"), r.duration("digest.max-item-age"),
                r.positiveInt("digest.feed.max-new-per-poll"));
    }

    /** The hosts of the configured http(s) feeds: the operator's choice, fetched without the address guard. */
    public Set<String> hosts() {
        Set<String> hosts = new HashSet<>();
        for (FeedConfig feed : feeds) {
            String host = feed.isLocalFile() ? null : URI.create(feed.url()).getHost();
            if (host != null) {
                hosts.add(host.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(hosts);
    }

    private static List<FeedConfig> feeds(SettingsReader r) {
        List<FeedConfig> result = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<String> listed = r.list("digest.feeds");
        for (String id : listed) {
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException("digest.feeds", "feed id '" + id + "' may only hold letters, digits, '-' and '_'");
            }
            if (!ids.add(id)) {
                throw new ConfigException("digest.feeds", "feed id '" + id + "' is listed twice");
            }
            String prefix = "digest.feed." + id + ".";
            String url = r.text(prefix + "url");
            if (url.isEmpty()) {
                throw new ConfigException(prefix + "url", "feed '" + id + "' has no URL");
            }
            if (!url.matches("(?i)(https?|file):.+")) {
                throw new ConfigException(prefix + "url", "'" + url + "' is not an http(s) or file: URL");
            }
            // a feed's section is news unless it says otherwise
            String section = r.text(prefix + "section").isEmpty() ? "news" : r.oneOf(prefix + "section", Set.of("news", "incidents"));
            // the first feed listed is the most trusted, the last the least, unless trust says otherwise
            int trust = trust(prefix + "trust", r.text(prefix + "trust"), listed.size() - ids.size() + 1);
            result.add(new FeedConfig(id, url, section.equals("incidents") ? FeedConfig.Section.INCIDENTS : FeedConfig.Section.NEWS,
                    pattern(prefix + "include", r.text(prefix + "include")), pattern(prefix + "exclude", r.text(prefix + "exclude")), trust));
        }
        if (result.isEmpty()) {
            throw new ConfigException("digest.feeds", "no feed is configured");
        }
        return List.copyOf(result);
    }

    /** {@code digest.feed.<id>.trust}: a whole number, higher is more trusted; empty: {@code byPosition}. */
    private static int trust(String key, String value, int byPosition) {
        if (value.isEmpty()) {
            return byPosition;
        }
        if (!value.matches("-?\\d{1,9}")) {
            throw new ConfigException(key, "'" + value + "' is not a whole number (higher is more trusted; leave it empty for the feed's place "
                    + "in digest.feeds: the first listed is the most trusted)");
        }
        return Integer.parseInt(value);
    }

    /** {@code digest.feed.<id>.include} or {@code .exclude}: a regular expression, or null when empty. */
    private static Pattern pattern(String key, String filter) {
        try {
            return filter.isEmpty() ? null : Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(key, "not a valid regular expression: " + e.getDescription());
        }
    }
}
