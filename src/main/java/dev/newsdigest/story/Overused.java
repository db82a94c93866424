package dev.newsdigest.story;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A guard against a model that answers badly: an event key, a victim or an actor that the model gave for more than a
 * third of a day's articles (and at least {@link #MIN_ARTICLES}), when those articles share no CVE id, is a placeholder
 * or a copied example, not news, and counts for none of them. Without it, a small model that answers one key for every
 * article merges the whole day into one item. One WARN says which value was dropped and for how many articles.
 */
final class Overused {
    private static final Logger LOG = LoggerFactory.getLogger(Overused.class);
    /** Fewer articles than this sharing a value are a story told by several outlets, whatever the day's size. */
    static final int MIN_ARTICLES = 3;

    private Overused() {
    }

    /**
     * The day's facts, in order, without the values given to too many of them; each dropped value logged once at WARN,
     * after {@code where} (the route and the day), or not at all when {@code where} is null.
     */
    static List<StoryFacts> strip(List<StoryFacts> day, String where) {
        Set<String> keys = overused(day, f -> f.eventKey() == null ? List.of() : List.of(f.eventKey()), "event key", where);
        Set<String> names = new HashSet<>(overused(day, f -> f.victims().stream().map(v -> Names.fold(v.name())).toList(), "victim", where));
        names.addAll(overused(day, f -> f.actors().stream().map(Names::fold).toList(), "actor", where));
        if (keys.isEmpty() && names.isEmpty()) {
            return day;
        }
        return day.stream().map(f -> f.without(keys, names)).toList();
    }

    private static Set<String> overused(List<StoryFacts> day, Function<StoryFacts, List<String>> values, String what, String where) {
        Map<String, List<StoryFacts>> given = new LinkedHashMap<>();
        for (StoryFacts f : day) {
            for (String v : new HashSet<>(values.apply(f))) {
                if (!v.isEmpty()) {
                    given.computeIfAbsent(v, k -> new ArrayList<>()).add(f);
                }
            }
        }
        Set<String> dropped = new HashSet<>();
        given.forEach((value, articles) -> {
            if (articles.size() >= MIN_ARTICLES && articles.size() * 3 > day.size() && !shareACve(articles)) {
                dropped.add(value);
                if (where != null) {
                    LOG.warn("{}: the model gave the {} '{}' to {} of the day's {} articles, which share no CVE id: it counts for none of them",
                            where, what, value, articles.size(), day.size());
                }
            }
        });
        return dropped;
    }

    private static boolean shareACve(List<StoryFacts> articles) {
        Set<String> common = new HashSet<>(articles.get(0).cves());
        articles.forEach(f -> common.retainAll(f.cves()));
        return !common.isEmpty();
    }
}
