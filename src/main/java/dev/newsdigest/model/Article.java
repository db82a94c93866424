package dev.newsdigest.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.newsdigest.config.FeedConfig;

/**
 * One feed entry on its way through the pipeline. {@code key} is the de-duplication key (the normalised
 * link, or the guid); {@code day} and {@code fence} are set when the state store claims it; {@code categories} are the
 * entry's own (RSS {@code <category>}, Atom category terms), empty when it has none.
 */
public record Article(String feedId, FeedConfig.Section section, String key, String url, String title,
                      String description, Instant publishedAt, LocalDate day, long fence, List<String> categories) {

    public Article {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An entry without categories. */
    public Article(String feedId, FeedConfig.Section section, String key, String url, String title,
                   String description, Instant publishedAt, LocalDate day, long fence) {
        this(feedId, section, key, url, title, description, publishedAt, day, fence, List.of());
    }

    public Article claimed(LocalDate claimedDay, long claimFence) {
        return new Article(feedId, section, key, url, title, description, publishedAt, claimedDay, claimFence, categories);
    }

    public boolean isIncident() {
        return section == FeedConfig.Section.INCIDENTS;
    }
}
