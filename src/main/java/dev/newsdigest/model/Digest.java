package dev.newsdigest.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One day's digest, revision by revision; serialised as the digest JSON. {@code tlp}: its TLP label, or null (left out). */
@JsonPropertyOrder({"date", "revision", "generatedAt", "language", "tlp", "overview", "actions", "items", "incidents", "feeds", "cveSources", "usage"})
public record Digest(String date, int revision, String generatedAt, String language, @JsonInclude(JsonInclude.Include.NON_NULL) String tlp, String overview,
                     List<Action> actions, List<DigestItem> items, List<Incident> incidents, List<FeedState> feeds,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CveSourceState> cveSources, Usage usage) {

    public Digest withOverview(String text, Usage totals) {
        return new Digest(date, revision, generatedAt, language, tlp, text, actions, items, incidents, feeds, cveSources, totals);
    }

    /** The digest with its 課題 in their order. */
    public Digest withActions(List<Action> ordered) {
        return new Digest(date, revision, generatedAt, language, tlp, overview, ordered, items, incidents, feeds, cveSources, usage);
    }

    /** The digest with the same items in another order. */
    public Digest withItems(List<DigestItem> ordered) {
        return new Digest(date, revision, generatedAt, language, tlp, overview, actions, ordered, incidents, feeds, cveSources, usage);
    }

    /** The digest with its items' CVE context and the state of the sources it came from. */
    public Digest withCveContext(List<DigestItem> withContext, List<CveSourceState> sources) {
        return new Digest(date, revision, generatedAt, language, tlp, overview, actions, withContext, incidents, feeds, sources, usage);
    }

    /** The CVE sources' states; empty when no CVE was looked up. */
    public List<CveSourceState> cveSourceStates() {
        return cveSources == null ? List.of() : cveSources;
    }

    /**
     * One entry of 課題: the item, the model's reason, and why it stands where it does: the watchlist entries it concerns,
     * whether one of its CVEs is in KEV, and its highest EPSS and CVSS. Each of those is left out when empty.
     */
    @JsonPropertyOrder({"title", "url", "reason", "watchlist", "kev", "epss", "cvss"})
    public record Action(String title, String url, String reason,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> watchlist,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean kev,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double epss,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double cvss) {
        /** An entry the model asked for, without context. */
        public Action(String title, String url, String reason) {
            this(title, url, reason, List.of(), null, null, null);
        }

        public boolean ours() {
            return watchlist != null && !watchlist.isEmpty();
        }

        public boolean inKev() {
            return Boolean.TRUE.equals(kev);
        }
    }

    @JsonPropertyOrder({"id", "ok", "newItems", "error", "consecutiveFailures"})
    public record FeedState(String id, boolean ok, int newItems, String error, int consecutiveFailures) {
    }

    /**
     * A CVE source as this digest used it: {@code ok} when its last attempt for the digest's ids succeeded, else the
     * reason; {@code missing}: how many of the ids it has no answer for, stored or new.
     */
    @JsonPropertyOrder({"source", "ok", "error", "missing"})
    public record CveSourceState(String source, boolean ok, String error, int missing) {
    }

    @JsonPropertyOrder({"llmCalls", "inputTokens", "outputTokens", "budgetReached"})
    public record Usage(int llmCalls, long inputTokens, long outputTokens, boolean budgetReached) {
    }
}
