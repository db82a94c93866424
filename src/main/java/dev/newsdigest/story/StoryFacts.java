package dev.newsdigest.story;

import java.util.List;
import java.util.Set;

import dev.newsdigest.model.Victim;

/**
 * What the story rules compare of one article: its language and title, its CVE ids, and, when a model read it, the
 * victims it names (each with its English name and its spelling in the article), the event's type and the model's
 * canonical event key. Offline, the model's parts are empty and null.
 */
public record StoryFacts(String language, String title, Set<String> cves, List<Victim> victims, String eventType, String eventKey) {

    public StoryFacts {
        cves = cves == null ? Set.of() : Set.copyOf(cves);
        victims = victims == null ? List.of() : List.copyOf(victims);
    }

    /** The same article as an offline run knows it: no model entities. */
    public StoryFacts offline() {
        return new StoryFacts(language, title, cves, List.of(), null, null);
    }
}
