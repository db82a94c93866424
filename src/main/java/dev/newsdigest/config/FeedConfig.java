package dev.newsdigest.config;

import java.util.regex.Pattern;

/**
 * One configured feed: {@code digest.feed.<id>.*}. {@code trust} ranks it against the other feeds, higher is more
 * trusted: the most trusted article of a story leads it ({@code digest.feed.<id>.trust}, by default its place in
 * {@code digest.feeds}).
 */
public record FeedConfig(String id, String url, Section section, Pattern include, int trust) {

    public enum Section { NEWS, INCIDENTS }

    public boolean isIncidents() {
        return section == Section.INCIDENTS;
    }

    public boolean isLocalFile() {
        return url.startsWith("file:");
    }

    /** True when the title passes the optional {@code include} filter. */
    public boolean accepts(String title) {
        return include == null || (title != null && include.matcher(title).find());
    }
}
