package dev.newsdigest.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distinguishing detail of an event key ({@code victim|event|detail}) and the campaigns an article names. Two keys
 * with the same victim but different specific details ({@code casio|breach|classpad} and {@code casio|breach|2018-lawsuit})
 * are evidence of two incidents, unless one article names the other's detail too; a detail made only of generic words
 * ({@code data-breach}, {@code system-outage}) tells nothing either way.
 */
final class Details {
    /** Words that say what kind of event it was, not which one. */
    static final Set<String> GENERIC = Set.of("breach", "breached", "data", "leak", "leaked", "ransomware", "attack", "attacks",
            "cyberattack", "cyber", "incident", "outage", "system", "systems", "failure", "hack", "hacked", "unauthorized",
            "access", "exposure", "exposed", "disruption", "compromise", "compromised", "intrusion", "extortion", "theft",
            "stolen", "customer", "customers", "personal", "information", "info", "employee", "employees", "records",
            "network", "server", "servers", "malware", "infection", "security", "vulnerability", "vulnerabilities", "exploited",
            "exploit", "exploitation", "flaw", "flaws", "bug", "patch", "patched", "update", "arrest", "arrested", "other",
            "zero", "day", "critical", "remote", "code", "execution", "rce", "email", "account", "accounts", "user", "users",
            "service", "services", "the", "and", "via", "unknown", "none", "attackers", "hackers", "threat", "actor", "claims",
            "site", "notification", "cve", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "investigation", "disclosed", "disclosure", "new", "event", "detail", "distinguishing");

    private Details() {
    }

    /**
     * The specific words of the key's detail (its third part): those that are words of a product or actor the article
     * names ({@code casio|breach|classpad} with ClassPad among the products). A size, a date, a kind of data or a CVE's
     * number is no name, and is left to the other rules.
     */
    static List<String> specific(StoryFacts f) {
        String eventKey = f.eventKey();
        if (eventKey == null) {
            return List.of();
        }
        String[] parts = eventKey.split("\\|");
        if (parts.length < 3) {
            return List.of();
        }
        Set<String> named = new HashSet<>();
        f.products().forEach(p -> named.addAll(latinWords(p)));
        f.actors().forEach(a -> named.addAll(latinWords(a)));
        List<String> words = new ArrayList<>();
        for (String w : latinWords(String.join(" ", Arrays.copyOfRange(parts, 2, parts.length)))) {
            if (w.length() >= 3 && !GENERIC.contains(w) && !w.matches("\\d+") && named.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** Both keys name a specific detail, the details differ, and neither article names the other's. */
    static boolean conflict(StoryFacts a, StoryFacts b) {
        List<String> da = specific(a);
        List<String> db = specific(b);
        if (da.isEmpty() || db.isEmpty() || da.equals(db)) {
            return false;
        }
        return !names(b, da) && !names(a, db);
    }

    /**
     * Both name one campaign or actor: a shared actor, an actor of one that the other's title or key names, or the same
     * specific detail in both keys.
     */
    static boolean sharedCampaign(StoryFacts a, StoryFacts b) {
        if (StoryMatcher.shared(a.actors(), b.actors())) {
            return true;
        }
        if (a.actors().stream().anyMatch(x -> names(b, x)) || b.actors().stream().anyMatch(x -> names(a, x))) {
            return true;
        }
        List<String> da = specific(a);
        return !da.isEmpty() && da.equals(specific(b));
    }

    /** Whether the article's title, key or named things hold any of the detail's words, as words. */
    private static boolean names(StoryFacts f, List<String> detail) {
        Set<String> words = words(f);
        return detail.stream().anyMatch(words::contains);
    }

    /** Whether the article's title, key or named things hold every word of a name (a name in another script: its letters). */
    private static boolean names(StoryFacts f, String name) {
        List<String> nameWords = latinWords(name);
        if (nameWords.stream().noneMatch(w -> w.length() >= 3)) {
            String folded = Names.fold(name);
            return folded.length() >= 2 && Names.fold(f.title()).contains(folded);
        }
        return words(f).containsAll(nameWords);
    }

    /** The words, in Latin letters and digits, of an article's title, key, vendors, products, actors and CVE ids. */
    private static Set<String> words(StoryFacts f) {
        List<String> texts = new ArrayList<>(List.of(f.title() == null ? "" : f.title(), f.eventKey() == null ? "" : f.eventKey()));
        texts.addAll(f.products());
        texts.addAll(f.vendors());
        texts.addAll(f.actors());
        texts.addAll(f.cves());
        Set<String> words = new HashSet<>();
        texts.forEach(t -> words.addAll(latinWords(t)));
        return words;
    }

    private static List<String> latinWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = LATIN_WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static final Pattern LATIN_WORD = Pattern.compile("[a-z0-9]+");
}
