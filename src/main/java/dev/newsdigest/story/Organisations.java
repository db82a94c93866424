package dev.newsdigest.story;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.newsdigest.model.Victim;

/**
 * How the victims of two articles relate, compared as organisations: the same one (their names fold alike, see
 * {@link Names#fold}), a parent and its named subsidiary ("Sony" and "Sony Interactive Entertainment", ソニー and
 * ソニー・インタラクティブエンタテインメント: one name's words begin the other's), different ones, or unknown when either
 * article names none. The shared beginning must be more than generic words ({@link #GENERIC}): "First" does not make
 * "First Bank" the parent of "First Bank Hospital", and "Holdings" joins nothing.
 */
final class Organisations {
    enum Relation { SAME, PARENT_AND_SUBSIDIARY, DIFFERENT, UNKNOWN }

    /** Words that name a kind of organisation or a place in it, never an organisation by themselves. */
    static final Set<String> GENERIC = Set.of("group", "holdings", "holding", "bank", "hospital", "university", "college", "school",
            "city", "county", "state", "council", "ministry", "department", "agency", "office", "national", "international",
            "global", "first", "general", "central", "united", "american", "japan", "the", "of", "and", "company", "corporation",
            "inc", "co", "ltd", "services", "systems", "technologies", "technology", "solutions", "health", "healthcare",
            "insurance", "financial", "energy", "medical", "center", "centre", "foundation", "association",
            "市", "町", "村", "県", "府", "都", "病院", "銀行", "大学", "グループ", "ホールディングス", "協会", "機構");

    private Organisations() {
    }

    static Relation relate(List<Victim> a, List<Victim> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Relation.UNKNOWN;
        }
        boolean parent = false;
        for (Victim x : a) {
            for (Victim y : b) {
                String fx = Names.fold(x.name());
                if (!fx.isEmpty() && fx.equals(Names.fold(y.name()))) {
                    return Relation.SAME;
                }
                parent |= parentAndSubsidiary(words(x.name()), words(y.name())) || parentAndSubsidiary(words(x.original()), words(y.original()));
            }
        }
        return parent ? Relation.PARENT_AND_SUBSIDIARY : Relation.DIFFERENT;
    }

    /** One name's words begin the other's, and those words are not only generic ones. */
    private static boolean parentAndSubsidiary(List<String> x, List<String> y) {
        List<String> shorter = x.size() <= y.size() ? x : y;
        List<String> longer = shorter == x ? y : x;
        if (shorter.isEmpty() || shorter.size() == longer.size() || !longer.subList(0, shorter.size()).equals(shorter)) {
            return false;
        }
        return shorter.stream().anyMatch(w -> !GENERIC.contains(w) && w.length() >= 2);
    }

    /**
     * A name's words: NFKC, case-folded, without punctuation and the corporate forms {@link Names} leaves out. Japanese,
     * written without spaces, is split where katakana, kanji and Latin letters meet and at a middle dot, so that
     * ソニー・インタラクティブエンタテインメント begins with ソニー.
     */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String s = Names.JAPANESE_FORMS.matcher(folded).replaceAll(" ").replaceAll("(グループ|ホールディングス)$", " ")
                .replaceAll("[\\p{P}\\p{S}・]+", " ")
                .replaceAll("(?<=\\p{IsKatakana})(?=[\\p{IsHan}\\p{IsLatin}])|(?<=\\p{IsHan})(?=[\\p{IsKatakana}\\p{IsLatin}])"
                        + "|(?<=\\p{IsLatin})(?=[\\p{IsKatakana}\\p{IsHan}])", " ")
                .strip();
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> words = Arrays.stream(s.split("\\s+")).toList();
        int end = words.size();
        while (end > 1 && Names.isCorporateForm(words.get(end - 1))) {
            end--;
        }
        return words.subList(0, end);
    }
}
