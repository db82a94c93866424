package dev.newsdigest.feed;

import dev.newsdigest.model.Article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.newsdigest.config.FeedConfig;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Turns the bytes of an RSS 2.0, RSS 1.0/RDF or Atom feed into {@link Article}s with ROME, each with its categories (RSS
 * {@code <category>}, Atom category terms, Dublin Core subjects). Entries older than {@code digest.max-item-age}, those
 * whose title and categories miss the feed's {@code include} filter, and those whose title or a category matches its
 * {@code exclude} filter are left out here, before any page is fetched or any model is asked.
 */
public class FeedParser {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedParser.class);
    /** The longest feed title kept, as for a model's title. */
    static final int MAX_TITLE = 200;
    /** The longest feed description kept: enough to stand in for a page that cannot be fetched. */
    static final int MAX_DESCRIPTION = 5000;
    /** The most categories kept of one entry, and the longest one. */
    static final int MAX_CATEGORIES = 20;
    static final int MAX_CATEGORY = 100;
    private final Duration maxItemAge;
    private final Clock clock;

    public FeedParser(Duration maxItemAge, Clock clock) {
        this.maxItemAge = maxItemAge;
        this.clock = clock;
    }

    /**
     * Parses one feed body.
     *
     * @param contentType the HTTP Content-Type, which may name the charset; null for files
     * @throws FeedParseException when the body is not a feed
     */
    public List<Article> parse(FeedConfig feed, byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            throw new FeedParseException("empty body");
        }
        SyndFeed syndFeed;
        try {
            syndFeed = build(body, contentType);
        } catch (FeedParseException strict) {
            // real feeds carry undeclared namespace prefixes and stray markup: try once more with a lenient parse
            byte[] repaired = LenientXml.repair(body, contentType);
            if (repaired == null) {
                throw strict;
            }
            try {
                syndFeed = build(repaired, "application/xml; charset=UTF-8");
            } catch (FeedParseException lenient) {
                throw strict;
            }
            LOG.warn("fetch-feed: feed {} is not well-formed XML ({}); entries recovered with a lenient parse", feed.id(),
                    strict.getMessage());
        }
        Instant oldest = clock.instant().minus(maxItemAge);
        List<Article> articles = new ArrayList<>();
        int filtered = 0;
        for (SyndEntry entry : syndFeed.getEntries()) {
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            Instant published = date == null ? null : date.toInstant();
            String title = entry.getTitle() == null ? "" : Parser.unescapeEntities(entry.getTitle(), false).replaceAll("\\s+", " ").strip();
            if (published != null && published.isBefore(oldest)) {
                continue;
            }
            List<String> categories = categories(entry);
            if (!feed.accepts(title, categories)) {
                filtered++;
                continue;
            }
            String link = absolute(feed.url(), entry.getLink());
            if (link != null && !link.matches("(?i)https?://.+")) {
                // javascript:, data:, file: and the like are never an item's link
                LOG.warn("fetch-feed: feed {} entry '{}' skipped: its link is not http(s) ({})", feed.id(),
                        cap(title, 80), cap(link.replaceAll(":.*", ":"), 20));
                continue;
            }
            String key = UrlNormalizer.normalize(link);
            if (key == null) {
                String guid = entry.getUri();
                if (guid == null || guid.isBlank()) {
                    continue;
                }
                key = "guid:" + feed.id() + ":" + guid.trim();
            }
            // the link as published, without tracking parameters or fragment
            String shown = key.startsWith("guid:") ? (link == null ? entry.getUri() : link) : key;
            if (shown == null || !shown.matches("(?i)https?://.+")) {
                LOG.warn("fetch-feed: feed {} entry '{}' skipped: it has no http(s) link", feed.id(), cap(title, 80));
                continue;
            }
            // feed text is hostile input: capped like model answers before it goes anywhere
            articles.add(new Article(feed.id(), feed.section(), key, shown, cap(title, MAX_TITLE),
                    cap(description(entry), MAX_DESCRIPTION), published, null, 0, categories));
        }
        if (filtered > 0) {
            LOG.info("fetch-feed: feed {} left out {} entries by its include/exclude filters", feed.id(), filtered);
        }
        return articles;
    }

    private static SyndFeed build(byte[] body, String contentType) {
        if (looksLikeHtml(body)) {
            throw new FeedParseException("an HTML page, not a feed");
        }
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(body), true)
                : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a readable RSS/Atom feed: " + firstLine(e.getMessage()));
        }
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /**
     * The entry's categories as plain one-line text, without control or format characters, each at most
     * {@link #MAX_CATEGORY} characters, at most {@link #MAX_CATEGORIES}, each once.
     */
    static List<String> categories(SyndEntry entry) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = category.getName() == null ? "" : Parser.unescapeEntities(category.getName(), false)
                    .replaceAll("[\\p{Cc}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip();
            if (!name.isEmpty() && names.size() < MAX_CATEGORIES) {
                names.add(cap(name, MAX_CATEGORY));
            }
        }
        return List.copyOf(names);
    }

    private static String description(SyndEntry entry) {
        SyndContent d = entry.getDescription();
        if (d != null && d.getValue() != null && !d.getValue().isBlank()) {
            return plain(d.getValue());
        }
        if (!entry.getContents().isEmpty()) {
            return plain(entry.getContents().get(0).getValue());
        }
        return "";
    }

    /** Feed descriptions often hold HTML; the digest wants their text. */
    private static String plain(String html) {
        return html == null ? "" : Jsoup.parse(html).text().trim();
    }

    private static String absolute(String feedUrl, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI base = URI.create(feedUrl);
            return base.resolve(link.trim()).toString();
        } catch (IllegalArgumentException e) {
            return link.trim();
        }
    }

    /** {@code s} cut to {@code max} characters at a character boundary, with an ellipsis when cut. */
    static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The feed body could not be read as a feed. */
    public static class FeedParseException extends RuntimeException {
        public FeedParseException(String message) {
            super(message);
        }
    }
}
