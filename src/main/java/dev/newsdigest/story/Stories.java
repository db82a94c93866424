package dev.newsdigest.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;

/**
 * A day's items as stories: an item joins the first story one of whose articles {@link StoryMatcher} says it tells, and
 * none of whose articles vetoes it; a story of several articles becomes one item ({@link #merge}), led by the article of
 * its most trusted feed.
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
        return new StoryFacts(language(title), title, cves, item.victimList(), item.vendors(), item.products(), item.actors(),
                item.eventType(), item.eventKey(), item.eventMonth(), item.publishedAt());
    }

    /**
     * The facts of a day's items, in their order, without what the model gave to too many of them ({@link Overused}),
     * which is logged after {@code where} (the route and the day), or not when null.
     */
    public static List<StoryFacts> facts(List<DigestItem> day, String where) {
        return Overused.strip(day.stream().map(Stories::facts).toList(), where);
    }

    /** {@code ja} when a title has kana or kanji, else {@code en}: the title rule compares titles of one language only. */
    static String language(String title) {
        return title != null && title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "ja" : "en";
    }

    /** The items grouped into stories, oldest article first within each; stories in the order of their first article. */
    public static List<List<DigestItem>> group(List<DigestItem> items) {
        return group(items, "publish-day");
    }

    /** {@link #group(List)}, a dropped value of a bad model's logged after {@code where} (the route and the day). */
    public static List<List<DigestItem>> group(List<DigestItem> items, String where) {
        List<DigestItem> oldestFirst = new ArrayList<>(items);
        oldestFirst.sort(Comparator.comparing(DigestItem::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<DigestItem, StoryFacts> facts = new IdentityHashMap<>();
        List<StoryFacts> guarded = facts(oldestFirst, where);
        for (int i = 0; i < oldestFirst.size(); i++) {
            facts.put(oldestFirst.get(i), guarded.get(i));
        }
        List<List<DigestItem>> stories = new ArrayList<>();
        for (DigestItem item : oldestFirst) {
            List<DigestItem> home = null;
            for (List<DigestItem> story : stories) {
                boolean told = false;
                boolean vetoed = false;
                for (DigestItem member : story) {
                    StoryMatcher.Decision d = StoryMatcher.compare(facts.get(item), facts.get(member));
                    told |= d.same();
                    vetoed |= d.veto();
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
    public static List<dev.newsdigest.model.Incident> linkIncidents(List<DigestItem> items, List<dev.newsdigest.model.Incident> incidents) {
        List<dev.newsdigest.model.Incident> linked = new ArrayList<>();
        for (dev.newsdigest.model.Incident incident : incidents) {
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
     * One item for a story. Its lead, whose title, summary, link and entities the item has, is the article of the most
     * trusted feed ({@code trust} of the feed id, higher is more trusted); among articles of equally trusted feeds, the
     * most complete (a model's summary before an offline one, then the longest), the older on a tie. The item has:
     * <ul>
     * <li>the union of the articles' IOCs, each that only less trusted feeds than the lead's name marked with them
     * ({@link Ioc#onlyFrom});</li>
     * <li>the recommendations, notes and AI recommendations of the articles as trusted as the lead (advice is prose, as a
     * summary is: a less trusted copy's "do not patch" is not repeated);</li>
     * <li>action required when any article asks for it, with the reason of the most trusted that does;</li>
     * <li>every article as a source, the lead first, then the others oldest first;</li>
     * <li>as its key, the key already published for one of its articles ({@code publishedKeys}: a revision of the day
     * keeps the story's key and so its ticket, whatever joins it), else the link of the oldest article as trusted as the
     * lead;</li>
     * <li>when it was first seen: its oldest article's date.</li>
     * </ul>
     * {@code story} is oldest first, as {@link #group} gives it.
     */
    public static DigestItem merge(List<DigestItem> story, ToIntFunction<String> trust, Set<String> publishedKeys) {
        if (story.size() == 1) {
            return story.get(0);
        }
        DigestItem first = story.get(0);
        List<DigestItem> leadFirst = new ArrayList<>(story);
        leadFirst.sort(leadOrder(trust)); // stable: on a tie the older article stays first
        DigestItem lead = leadFirst.get(0);
        int leadTrust = trust.applyAsInt(lead.source());
        List<DigestItem> asTrusted = leadFirst.stream().filter(i -> trust.applyAsInt(i.source()) >= leadTrust).toList();

        Map<String, Ioc> iocs = new LinkedHashMap<>();
        Set<String> namedByTheTrusted = new HashSet<>();
        Map<String, Set<String>> namedOnlyBy = new HashMap<>();
        for (DigestItem i : leadFirst) {
            boolean trusted = trust.applyAsInt(i.source()) >= leadTrust;
            for (Ioc ioc : i.iocs()) {
                String key = ioc.type() + ":" + ioc.value().toLowerCase(java.util.Locale.ROOT);
                iocs.putIfAbsent(key, ioc);
                if (trusted) {
                    namedByTheTrusted.add(key);
                } else {
                    namedOnlyBy.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(i.source());
                }
            }
        }
        List<Ioc> allIocs = iocs.entrySet().stream().map(e -> e.getValue().namedOnlyBy(
                namedByTheTrusted.contains(e.getKey()) ? null : List.copyOf(namedOnlyBy.get(e.getKey())))).toList();

        Set<String> recommendations = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        Set<String> ai = new LinkedHashSet<>();
        for (DigestItem i : asTrusted) {
            recommendations.addAll(i.recommendations());
            notes.addAll(i.notes());
            ai.addAll(i.aiRecommendations());
        }
        DigestItem asking = leadFirst.stream().filter(DigestItem::actionRequired).findFirst().orElse(null);

        List<DigestItem.Source> sources = new ArrayList<>();
        sources.add(source(lead));
        story.stream().filter(i -> i != lead).forEach(i -> sources.add(source(i)));

        String key = leadFirst.stream().map(DigestItem::storyKeyOrUrl).filter(publishedKeys::contains).findFirst()
                .orElse(story.stream().filter(i -> trust.applyAsInt(i.source()) >= leadTrust).findFirst().orElse(lead).url());
        return lead.asStory(key, first.publishedAt(), sources, allIocs, List.copyOf(recommendations), List.copyOf(notes), List.copyOf(ai),
                asking != null, asking == null ? null : asking.actionReason());
    }

    /** The order in which a story's articles lead it: the most trusted feed first, then the most complete article. */
    static Comparator<DigestItem> leadOrder(ToIntFunction<String> trust) {
        Comparator<DigestItem> trusted = Comparator.comparingInt(i -> trust.applyAsInt(i.source()));
        Comparator<DigestItem> byModel = Comparator.comparing(i -> i.summarizedBy() != null && i.summarizedBy().startsWith("model:"));
        Comparator<DigestItem> longer = Comparator.comparingInt(i -> i.summary().stream().mapToInt(String::length).sum());
        return trusted.thenComparing(byModel).thenComparing(longer).reversed();
    }

    /** How far each feed is trusted, from its settings; a feed no longer configured (an item stored before) is trusted least. */
    public static ToIntFunction<String> trust(List<FeedConfig> feeds) {
        Map<String, Integer> trust = new HashMap<>();
        feeds.forEach(f -> trust.put(f.id(), f.trust()));
        return id -> trust.getOrDefault(id, Integer.MIN_VALUE);
    }

    private static DigestItem.Source source(DigestItem i) {
        return new DigestItem.Source(i.source(), i.originalTitle(), i.url(), i.publishedAt());
    }
}
