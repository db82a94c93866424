package dev.newsdigest.story;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether two articles tell the same story. A wrong merge hides news, so the vetoes come first and each rule is
 * narrow:
 * <ol>
 * <li>vetoes: both name victims and none is the same; both name CVE ids and none is shared;</li>
 * <li>a shared CVE id;</li>
 * <li>the same victim (after {@link Names#fold}) and the same event type;</li>
 * <li>the same event key;</li>
 * <li>in one language, near-duplicate titles ({@link TitleSimilarity} at least {@link #TITLE_THRESHOLD}), so that
 * syndicated copies merge even offline.</li>
 * </ol>
 * Offline facts carry no victims, event type or key: only the CVE and title rules apply.
 */
public final class StoryMatcher {
    /** The title similarity at which two titles are copies of each other. */
    public static final double TITLE_THRESHOLD = 0.8;

    /** The decision and the rule that made it. */
    public record Decision(boolean same, String rule) {
    }

    private StoryMatcher() {
    }

    public static Decision compare(StoryFacts a, StoryFacts b) {
        Set<String> victimsA = victims(a);
        Set<String> victimsB = victims(b);
        boolean sameVictim = victimsA.stream().anyMatch(victimsB::contains);
        if (!victimsA.isEmpty() && !victimsB.isEmpty() && !sameVictim) {
            return new Decision(false, "different victims");
        }
        boolean sharedCve = a.cves().stream().anyMatch(b.cves()::contains);
        if (!a.cves().isEmpty() && !b.cves().isEmpty() && !sharedCve) {
            return new Decision(false, "different CVEs");
        }
        if (sharedCve) {
            return new Decision(true, "shared CVE");
        }
        if (sameVictim && a.eventType() != null && a.eventType().equalsIgnoreCase(b.eventType())) {
            return new Decision(true, "same victim and event");
        }
        if (key(a.eventKey()) != null && key(a.eventKey()).equals(key(b.eventKey()))) {
            return new Decision(true, "same event key");
        }
        if (a.language() != null && a.language().equals(b.language()) && TitleSimilarity.of(a.title(), b.title()) >= TITLE_THRESHOLD) {
            return new Decision(true, "near-duplicate titles");
        }
        return new Decision(false, "no rule");
    }

    private static Set<String> victims(StoryFacts f) {
        Set<String> names = new HashSet<>();
        for (dev.newsdigest.model.Victim v : f.victims()) {
            String name = Names.fold(v.name());
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String key(String eventKey) {
        if (eventKey == null || eventKey.isBlank()) {
            return null;
        }
        return eventKey.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }
}
