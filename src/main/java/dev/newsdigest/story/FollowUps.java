package dev.newsdigest.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Victim;
import dev.newsdigest.state.StoryLedger;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stories across days: an item that tells a story published on an earlier day within the window is its follow-up
 * (続報), under the story's key, with what is new since from the stored fields: CVE ids, victims, KEV entries, IOCs, a
 * patch. Each published story's fields are stored for the next day ({@link #snapshot}).
 */
public final class FollowUps {
    private final ObjectMapper json = new ObjectMapper();

    /** What the digest last said of a story. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(String title, String language, List<String> cves, List<Victim> victims, String eventType, String eventKey,
                           List<String> kev, List<String> iocs, String eventMonth, List<String> vendors, List<String> products,
                           List<String> actors, String publishedAt) {
        StoryFacts facts() {
            return new StoryFacts(language, title, Set.copyOf(cves), victims, vendors, products, actors, eventType, eventKey, eventMonth,
                    publishedAt);
        }
    }

    /** The item's snapshot, as JSON for {@link StoryLedger}. */
    public String snapshot(DigestItem item) {
        StoryFacts facts = Stories.facts(item);
        try {
            return json.writeValueAsString(new Snapshot(facts.title(), facts.language(), List.copyOf(facts.cves()), item.victimList(),
                    item.eventType(), item.eventKey(), kev(item), iocs(item), item.eventMonth(), facts.vendors(), facts.products(),
                    facts.actors(), item.publishedAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items, each that follows up a stored story marked so, with the story's key and what is new. */
    public List<DigestItem> apply(List<DigestItem> items, List<StoryLedger.StoredStory> earlier, LocalDate day) {
        List<DigestItem> result = new ArrayList<>();
        List<StoryFacts> today = Stories.facts(items, null); // what the model overused was logged when the day was grouped
        for (int i = 0; i < items.size(); i++) {
            DigestItem item = items.get(i);
            StoryFacts facts = today.get(i);
            DigestItem marked = item;
            for (StoryLedger.StoredStory story : earlier) {
                String written = story.snapshotBefore(day);
                Snapshot before = written == null ? null : read(written);
                if (before != null && StoryMatcher.compare(facts, before.facts()).same()) {
                    marked = item.asFollowUp(story.key(), item.firstSeen(), news(item, before, story.dayBefore(day)));
                    break;
                }
            }
            result.add(marked);
        }
        return result;
    }

    private DigestItem.FollowUp news(DigestItem item, Snapshot before, LocalDate previousDay) {
        Set<String> cves = new LinkedHashSet<>(Stories.facts(item).cves());
        cves.removeAll(before.cves());
        Set<String> known = new LinkedHashSet<>();
        before.victims().forEach(v -> known.add(Names.fold(v.name())));
        List<String> victims = item.victimList().stream().filter(v -> !known.contains(Names.fold(v.name()))).map(Victim::name).toList();
        Set<String> kev = new LinkedHashSet<>(kev(item));
        kev.removeAll(before.kev());
        Set<String> iocs = new LinkedHashSet<>(iocs(item));
        iocs.removeAll(before.iocs());
        boolean patch = "patch".equals(item.eventType()) && !"patch".equals(before.eventType());
        return new DigestItem.FollowUp(previousDay.toString(), List.copyOf(cves), victims, List.copyOf(kev), iocs.size(), patch);
    }

    private static List<String> kev(DigestItem item) {
        return item.cveContexts().stream().filter(c -> c.kev() != null).map(CveContext::id).toList();
    }

    /** The item's IOCs other than CVE ids, as {@code type:value}. */
    private static List<String> iocs(DigestItem item) {
        return item.iocs().stream().filter(i -> !"cve".equals(i.type())).map(i -> i.type() + ":" + i.value().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private Snapshot read(String snapshot) {
        try {
            return json.readValue(snapshot, Snapshot.class);
        } catch (IOException e) {
            return null; // a snapshot this version cannot read is no story to follow up
        }
    }
}
