package dev.newsdigest.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One configured feed: {@code digest.feed.<id>.*}. {@code include} and {@code exclude} are optional regular expressions
 * on an entry's title and categories. {@code trust} ranks it against the other feeds, higher is more trusted: the most
 * trusted article of a story leads it ({@code digest.feed.<id>.trust}, by default its place in {@code digest.feeds}).
 */
public record FeedConfig(String id, String url, Section section, Pattern include, Pattern exclude, int trust) {

    public enum Section { NEWS, INCIDENTS }

    public boolean isIncidents() {
        return section == Section.INCIDENTS;
    }

    public boolean isLocalFile() {
        return url.startsWith("file:");
    }

    /**
     * True when the entry passes the optional filters: {@code include} finds a match in its title or in one of its
     * categories, and {@code exclude} finds none in either.
     */
    public boolean accepts(String title, List<String> categories) {
        return (include == null || findsIn(include, title, categories)) && (exclude == null || !findsIn(exclude, title, categories));
    }

    private static boolean findsIn(Pattern filter, String title, List<String> categories) {
        return (title != null && filter.matcher(title).find()) || categories.stream().anyMatch(c -> filter.matcher(c).find());
    }
}
