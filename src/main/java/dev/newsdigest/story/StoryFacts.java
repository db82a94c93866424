package dev.newsdigest.story;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.newsdigest.model.ModelAnswer;
import dev.newsdigest.model.Victim;

/**
 * What the story rules compare of one article: its language and title, its CVE ids, and, when a model read it, the
 * victims it names (each with its English name and its spelling in the article), the vendors, products and actors it
 * names, the event's type, the model's canonical event key and the month the event happened; and the month it was
 * published ({@code publishedAt}, ISO-8601, kept as {@code YYYY-MM}). Offline, the model's parts are empty and null.
 * <p>
 * An event key only counts when it names something the article names (a victim, vendor, product or CVE id) and is not
 * the schema's own example: a small model copies the example or writes a placeholder, and such a key would merge
 * articles that share nothing. An event month that does not read as {@code YYYY-MM} counts as unknown.
 */
public record StoryFacts(String language, String title, Set<String> cves, List<Victim> victims, List<String> vendors,
                         List<String> products, List<String> actors, String eventType, String eventKey, String eventMonth,
                         String publishedAt) {

    public StoryFacts {
        cves = cves == null ? Set.of() : Set.copyOf(cves);
        victims = victims == null ? List.of() : List.copyOf(victims);
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
        products = products == null ? List.of() : List.copyOf(products);
        actors = actors == null ? List.of() : List.copyOf(actors);
        eventKey = grounded(eventKey, victims, vendors, products, actors, cves);
        eventMonth = month(eventMonth) == null ? null : eventMonth.strip();
        publishedAt = publishedAt == null || publishedAt.length() < 7 || month(publishedAt.substring(0, 7)) == null ? null
                : publishedAt.substring(0, 7);
    }

    /** Facts without vendors, products, actors or event month, as a snapshot of an earlier version holds them. */
    public StoryFacts(String language, String title, Set<String> cves, List<Victim> victims, String eventType, String eventKey) {
        this(language, title, cves, victims, List.of(), List.of(), List.of(), eventType, eventKey, null, null);
    }

    /** The same article as an offline run knows it: no model entities. */
    public StoryFacts offline() {
        return new StoryFacts(language, title, cves, List.of(), null, null);
    }

    /**
     * When the event happened: the month the article states, else the month it was published (news is of its day; a
     * retrospective names its year, and so its month is stated), else null.
     */
    public YearMonth month() {
        return eventMonth != null ? month(eventMonth) : month(publishedAt);
    }

    /** The month the article states for the event, or null. */
    public YearMonth statedMonth() {
        return month(eventMonth);
    }

    /** These facts without the key, victims and actors that {@code drop} names (folded as {@link Names#fold}). */
    StoryFacts without(Set<String> droppedKeys, Set<String> droppedNames) {
        List<Victim> keptVictims = victims.stream().filter(v -> !droppedNames.contains(Names.fold(v.name()))).toList();
        List<String> keptActors = actors.stream().filter(a -> !droppedNames.contains(Names.fold(a))).toList();
        String key = eventKey != null && droppedKeys.contains(eventKey) ? null : eventKey;
        return new StoryFacts(language, title, cves, keptVictims, vendors, products, keptActors, eventType, key, eventMonth, publishedAt);
    }

    private static YearMonth month(String s) {
        if (s == null || !s.strip().matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return YearMonth.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The key, normalised, when it names one of the article's victims, vendors, products or CVE ids; else null. */
    static String grounded(String eventKey, List<Victim> victims, List<String> vendors, List<String> products, List<String> actors,
                           Set<String> cves) {
        if (eventKey == null || eventKey.isBlank()) {
            return null;
        }
        String key = eventKey.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (ModelAnswer.EXAMPLE_EVENT_KEYS.contains(key)) {
            return null;
        }
        String letters = Names.fold(key);
        List<String> names = new ArrayList<>();
        victims.forEach(v -> {
            names.add(v.name());
            names.add(v.original());
        });
        names.addAll(vendors);
        names.addAll(products);
        names.addAll(actors);
        names.addAll(cves);
        for (String name : names) {
            String n = Names.fold(name);
            if (n.length() >= 3 && letters.contains(n)) {
                return key;
            }
        }
        return null;
    }
}
