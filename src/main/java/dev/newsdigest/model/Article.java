package dev.newsdigest.model;

import java.time.Instant;
import java.time.LocalDate;

import dev.newsdigest.config.FeedConfig;

/**
 * One feed entry on its way through the pipeline. {@code key} is the de-duplication key (the normalised
 * link, or the guid); {@code day} and {@code fence} are set when the state store claims it.
 */
public record Article(String feedId, FeedConfig.Section section, String key, String url, String title,
                      String description, Instant publishedAt, LocalDate day, long fence) {

    public Article claimed(LocalDate claimedDay, long claimFence) {
        return new Article(feedId, section, key, url, title, description, publishedAt, claimedDay, claimFence);
    }

    public boolean isIncident() {
        return section == FeedConfig.Section.INCIDENTS;
    }
}
