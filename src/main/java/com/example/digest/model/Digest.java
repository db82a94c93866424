package com.example.digest.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One day's digest, revision by revision; serialised as the digest JSON. {@code tlp}: its TLP label, or null (left out). */
@JsonPropertyOrder({"date", "revision", "generatedAt", "language", "tlp", "overview", "actions", "items", "incidents", "feeds", "usage"})
public record Digest(String date, int revision, String generatedAt, String language, @JsonInclude(JsonInclude.Include.NON_NULL) String tlp, String overview,
                     List<Action> actions, List<DigestItem> items, List<Incident> incidents, List<FeedState> feeds,
                     Usage usage) {

    public Digest withOverview(String text, Usage totals) {
        return new Digest(date, revision, generatedAt, language, tlp, text, actions, items, incidents, feeds, totals);
    }

    @JsonPropertyOrder({"title", "url", "reason"})
    public record Action(String title, String url, String reason) {
    }

    @JsonPropertyOrder({"id", "ok", "newItems", "error", "consecutiveFailures"})
    public record FeedState(String id, boolean ok, int newItems, String error, int consecutiveFailures) {
    }

    @JsonPropertyOrder({"llmCalls", "inputTokens", "outputTokens", "budgetReached"})
    public record Usage(int llmCalls, long inputTokens, long outputTokens, boolean budgetReached) {
    }
}
