package dev.newsdigest.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One summarised news item, as it appears in {@code items[]} of the digest JSON. {@code cves} is the context of its CVE
 * ids, added when the day is published; {@code vendors} and {@code products} are the ones the model named that occur in
 * the article; {@code categories} are its feed entry's (RSS {@code <category>}, Atom category terms). Each is left out of
 * the JSON when empty.
 */
@JsonPropertyOrder({"source", "url", "originalTitle", "title", "publishedAt", "categories", "summary", "iocs", "cves", "recommendations",
        "notes", "aiRecommendations", "actionRequired", "actionReason", "vendors", "products", "victims", "actors", "malware", "eventType", "eventKey", "eventMonth", "storyKey", "firstSeen", "sources", "followUp", "summarizedBy", "textSource", "usage"})
public record DigestItem(String source, String url, String originalTitle, String title, String publishedAt,
                         List<String> summary, List<Ioc> iocs, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CveContext> cves,
                         List<String> recommendations, List<String> notes,
                         List<String> aiRecommendations, boolean actionRequired, String actionReason,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> vendors,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> products,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Victim> victims,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> actors,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> malware,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String eventType,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String eventKey,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String eventMonth,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String storyKey,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String firstSeen,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Source> sources,
                         @JsonInclude(JsonInclude.Include.NON_NULL) FollowUp followUp,
                         String summarizedBy, String textSource, Usage usage,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> categories) {

    /**
     * A story already published on an earlier day ({@code previousDay}), seen again: what is new since, from the stored
     * fields rather than the model's prose.
     */
    @JsonPropertyOrder({"previousDay", "newCves", "newVictims", "nowInKev", "newIocs", "patchReleased"})
    public record FollowUp(String previousDay, List<String> newCves, List<String> newVictims, List<String> nowInKev, int newIocs,
                           boolean patchReleased) {
        public boolean nothingNew() {
            return newCves.isEmpty() && newVictims.isEmpty() && nowInKev.isEmpty() && newIocs == 0 && !patchReleased;
        }
    }

    /** One article of a story told by several: its feed, its title as published, and its URL. */
    @JsonPropertyOrder({"source", "title", "url", "publishedAt"})
    public record Source(String source, String title, String url, String publishedAt) {
    }

    /** An item as summarised, before its CVE context is known, without named vendors and products (offline). */
    public DigestItem(String source, String url, String originalTitle, String title, String publishedAt,
                      List<String> summary, List<Ioc> iocs, List<String> recommendations, List<String> notes,
                      List<String> aiRecommendations, boolean actionRequired, String actionReason,
                      String summarizedBy, String textSource, Usage usage) {
        this(source, url, originalTitle, title, publishedAt, summary, iocs, List.of(), recommendations, notes, aiRecommendations,
                actionRequired, actionReason, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, List.of(), null, summarizedBy,
                textSource, usage, List.of());
    }

    public DigestItem withCves(List<CveContext> contexts) {
        return new DigestItem(source, url, originalTitle, title, publishedAt, summary, iocs, List.copyOf(contexts), recommendations,
                notes, aiRecommendations, actionRequired, actionReason, vendors, products, victims, actors, malware, eventType, eventKey, eventMonth,
                storyKey, firstSeen, sources, followUp, summarizedBy, textSource, usage, categories);
    }

    /** The item with the vendors and products the model named, as grounded in the article. */
    public DigestItem withEntities(List<String> namedVendors, List<String> namedProducts) {
        return new DigestItem(source, url, originalTitle, title, publishedAt, summary, iocs, cves, recommendations,
                notes, aiRecommendations, actionRequired, actionReason, List.copyOf(namedVendors), List.copyOf(namedProducts),
                victims, actors, malware, eventType, eventKey, eventMonth, storyKey, firstSeen, sources, followUp, summarizedBy, textSource, usage, categories);
    }

    /**
     * The item with what the model says of its event: victims and actors (grounded), the event's type and key, and the month
     * it happened ({@code YYYY-MM}, null when the article does not say).
     */
    public DigestItem withEvent(List<Victim> namedVictims, List<String> namedActors, String type, String key, String month) {
        return new DigestItem(source, url, originalTitle, title, publishedAt, summary, iocs, cves, recommendations,
                notes, aiRecommendations, actionRequired, actionReason, vendors, products, List.copyOf(namedVictims),
                List.copyOf(namedActors), malware, type, key, month, storyKey, firstSeen, sources, followUp, summarizedBy, textSource, usage, categories);
    }

    /** The item with the actors the model says are malware families (a part of {@code actors}; the rest are groups). */
    public DigestItem withMalware(List<String> families) {
        return new DigestItem(source, url, originalTitle, title, publishedAt, summary, iocs, cves, recommendations,
                notes, aiRecommendations, actionRequired, actionReason, vendors, products, victims, actors, List.copyOf(families), eventType,
                eventKey, eventMonth, storyKey, firstSeen, sources, followUp, summarizedBy, textSource, usage, categories);
    }

    /** The item with its feed entry's categories. */
    public DigestItem withCategories(List<String> entryCategories) {
        return new DigestItem(source, url, originalTitle, title, publishedAt, summary, iocs, cves, recommendations,
                notes, aiRecommendations, actionRequired, actionReason, vendors, products, victims, actors, malware, eventType,
                eventKey, eventMonth, storyKey, firstSeen, sources, followUp, summarizedBy, textSource, usage, List.copyOf(entryCategories));
    }

    /** Its feed entry's categories; empty when the feed gave none. */
    public List<String> categoryList() {
        return categories == null ? List.of() : categories;
    }

    /** The actors that are malware families; empty when none or offline. */
    public List<String> malwareList() {
        return malware == null ? List.of() : malware;
    }

    /** The item as one story of several articles: its key, when it was first seen, and every article that tells it. */
    public DigestItem asStory(String key, String seen, List<Source> told, List<Ioc> allIocs, List<String> allRecommendations,
                              List<String> allNotes, List<String> allAiRecommendations, boolean action, String reason) {
        return new DigestItem(this.source, url, originalTitle, title, publishedAt, summary, allIocs, cves, allRecommendations,
                allNotes, allAiRecommendations, action, reason, vendors, products, victims, actors, malware, eventType, eventKey, eventMonth,
                key, seen, List.copyOf(told), followUp, summarizedBy, textSource, usage, categories);
    }

    /** The item as a follow-up of a story published on an earlier day, under that story's key. */
    public DigestItem asFollowUp(String key, String seen, FollowUp news) {
        return new DigestItem(source, url, originalTitle, title, publishedAt, summary, iocs, cves, recommendations, notes,
                aiRecommendations, actionRequired, actionReason, vendors, products, victims, actors, malware, eventType, eventKey, eventMonth, key, seen,
                sources, news, summarizedBy, textSource, usage, categories);
    }

    /**
     * The key of the story this item tells: the URL of its article, or of a story's oldest article from its most trusted
     * feed, kept once published ({@code story.Stories#merge}).
     */
    public String storyKeyOrUrl() {
        return storyKey != null ? storyKey : url;
    }

    /** The articles of the story this item tells; empty for an item of one article. */
    public List<Source> sourceList() {
        return sources == null ? List.of() : sources;
    }

    /** The victims the model named (grounded); empty when none or offline. */
    public List<Victim> victimList() {
        return victims == null ? List.of() : victims;
    }

    /** The vendors and products the model named (grounded), empty when none or offline. */
    public List<String> entities() {
        List<String> all = new java.util.ArrayList<>(vendors == null ? List.of() : vendors);
        all.addAll(products == null ? List.of() : products);
        return all;
    }

    /** The item's CVE context; empty when none was added. */
    public List<CveContext> cveContexts() {
        return cves == null ? List.of() : cves;
    }

    /** Tokens one model call spent. */
    public record Usage(long inputTokens, long outputTokens) {
        public static final Usage NONE = new Usage(0, 0);
    }
}
