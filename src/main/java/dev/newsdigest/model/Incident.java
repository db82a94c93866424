package dev.newsdigest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A Japanese breach incident: listed by title and link, never summarised. {@code storyKey}: the news story that tells
 * the same breach, when one does (left out of the JSON when none).
 */
@JsonPropertyOrder({"source", "title", "url", "publishedAt", "storyKey"})
public record Incident(String source, String title, String url, String publishedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String storyKey) {

    public Incident(String source, String title, String url, String publishedAt) {
        this(source, title, url, publishedAt, null);
    }

    public Incident withStory(String key) {
        return new Incident(source, title, url, publishedAt, key);
    }
}
