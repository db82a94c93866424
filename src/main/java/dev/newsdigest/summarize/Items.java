package dev.newsdigest.summarize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.newsdigest.model.Incident;
import dev.newsdigest.model.Article;

/** Small conversions shared by the summarisers. */
public final class Items {
    private Items() {
    }

    /** ISO-8601 in UTC, to the second, or null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An incident-section article as it is listed: by title and link. */
    public static Incident incident(Article a) {
        return new Incident(a.feedId(), a.title(), a.url(), iso(a.publishedAt()));
    }
}
