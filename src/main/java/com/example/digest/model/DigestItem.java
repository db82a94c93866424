package com.example.digest.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One summarised news item, as it appears in {@code items[]} of the digest JSON. */
@JsonPropertyOrder({"source", "url", "originalTitle", "title", "publishedAt", "summary", "iocs", "recommendations",
        "notes", "aiRecommendations", "actionRequired", "actionReason", "summarizedBy", "textSource", "usage"})
public record DigestItem(String source, String url, String originalTitle, String title, String publishedAt,
                         List<String> summary, List<Ioc> iocs, List<String> recommendations, List<String> notes,
                         List<String> aiRecommendations, boolean actionRequired, String actionReason,
                         String summarizedBy, String textSource, Usage usage) {

    /** Tokens one model call spent. */
    public record Usage(long inputTokens, long outputTokens) {
        public static final Usage NONE = new Usage(0, 0);
    }
}
