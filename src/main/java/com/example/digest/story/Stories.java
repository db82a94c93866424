package com.example.digest.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.digest.model.DigestItem;
import com.example.digest.model.Ioc;

/**
 * A day's items as stories: an item joins the first story one of whose articles {@link StoryMatcher} says it tells, and
 * none of whose articles vetoes it; a story of several articles becomes one item ({@link #merge}).
 */
public final class Stories {
    private Stories() {
    }

    /** The facts the story rules read from an item (its language told by its original title's script). */
    public static StoryFacts facts(DigestItem item) {
        Set<String> cves = new LinkedHashSet<>();
        for (Ioc ioc : item.iocs() == null ? List.<Ioc>of() : item.iocs()) {
            if ("cve".equals(ioc.type())) {
                cves.add(ioc.value().toUpperCase(java.util.Locale.ROOT));
            }
        }
        String title = item.originalTitle() == null ? item.title() : item.originalTitle();
        return new StoryFacts(language(title), title, cves, item.victimList(), item.eventType(), item.eventKey());
    }

    /** {@code ja} when a title has kana or kanji, else {@code en}: the title rule compares titles of one language only. */
    static String language(String title) {
        return title != null && title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "ja" : "en";
    }

    /** The items grouped into stories, oldest article first within each; stories in the order of their first article. */
    public static List<List<DigestItem>> group(List<DigestItem> items) {
        List<DigestItem> oldestFirst = new ArrayList<>(items);
        oldestFirst.sort(Comparator.comparing(DigestItem::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        List<List<DigestItem>> stories = new ArrayList<>();
        for (DigestItem item : oldestFirst) {
            StoryFacts facts = facts(item);
            List<DigestItem> home = null;
            for (List<DigestItem> story : stories) {
                boolean told = false;
                boolean vetoed = false;
                for (DigestItem member : story) {
                    StoryMatcher.Decision d = StoryMatcher.compare(facts, facts(member));
                    told |= d.same();
                    vetoed |= !d.same() && d.rule().startsWith("different");
                }
                if (told && !vetoed) {
                    home = story;
                    break;
                }
            }
            if (home == null) {
                stories.add(new ArrayList<>(List.of(item)));
            } else {
                home.add(item);
            }
        }
        return stories;
    }

    /**
     * The incidents, each that tells the breach of a news story linked to it: one of the story's victims, as the model
     * named it or as the article writes it, is in the incident's title, or the titles are near-duplicates in one language.
     */
    public static List<com.example.digest.model.Incident> linkIncidents(List<DigestItem> items, List<com.example.digest.model.Incident> incidents) {
        List<com.example.digest.model.Incident> linked = new ArrayList<>();
        for (com.example.digest.model.Incident incident : incidents) {
            String title = Names.fold(incident.title());
            DigestItem story = null;
            for (DigestItem item : items) {
                boolean victim = item.victimList().stream().anyMatch(v -> contains(title, v.name()) || contains(title, v.original()));
                List<String> titles = new ArrayList<>();
                titles.add(item.originalTitle());
                item.sourceList().forEach(s -> titles.add(s.title()));
                boolean copy = titles.stream().anyMatch(t -> t != null && language(t).equals(language(incident.title()))
                        && TitleSimilarity.of(t, incident.title()) >= StoryMatcher.TITLE_THRESHOLD);
                if (victim || copy) {
                    story = item;
                    break;
                }
            }
            linked.add(story == null ? incident : incident.withStory(story.storyKeyOrUrl()));
        }
        return linked;
    }

    private static boolean contains(String foldedTitle, String name) {
        String n = Names.fold(name);
        return n.length() >= 2 && foldedTitle.contains(n);
    }

    /**
     * One item for a story: the title and summary of its most complete article (a model's summary before an offline
     * one, then the longest), the union of its IOCs and recommendations (each once), every article as a source, the key
     * of its first article and when it was first seen.
     */
    public static DigestItem merge(List<DigestItem> story) {
        if (story.size() == 1) {
            return story.get(0);
        }
        DigestItem first = story.get(0);
        DigestItem best = story.stream().max(Comparator.comparing((DigestItem i) -> i.summarizedBy() != null && i.summarizedBy().startsWith("model:"))
                .thenComparingInt(i -> i.summary().stream().mapToInt(String::length).sum())).orElse(first);
        Map<String, Ioc> iocs = new LinkedHashMap<>();
        Set<String> recommendations = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        Set<String> ai = new LinkedHashSet<>();
        List<DigestItem.Source> sources = new ArrayList<>();
        boolean action = false;
        String reason = null;
        for (DigestItem i : story) {
            i.iocs().forEach(ioc -> iocs.putIfAbsent(ioc.type() + ":" + ioc.value().toLowerCase(java.util.Locale.ROOT), ioc));
            recommendations.addAll(i.recommendations());
            notes.addAll(i.notes());
            ai.addAll(i.aiRecommendations());
            sources.add(new DigestItem.Source(i.source(), i.originalTitle(), i.url(), i.publishedAt()));
            if (i.actionRequired() && !action) {
                action = true;
                reason = i.actionReason();
            }
        }
        return best.asStory(first.url(), first.publishedAt(), sources, List.copyOf(iocs.values()), List.copyOf(recommendations),
                List.copyOf(notes), List.copyOf(ai), action, reason);
    }
}
