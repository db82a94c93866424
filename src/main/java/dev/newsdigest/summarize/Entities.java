package dev.newsdigest.summarize;

import java.text.Normalizer;
import java.time.Instant;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a model named of an article's event, kept only when the article supports it: vendors, products, victims and
 * actors when they occur in the article, as IOCs are (compared after NFKC and case folding, so that a full-width or
 * differently cased spelling in the text still counts; a name is kept as the model wrote it, in its original script,
 * once, at most {@link #MAX} of them); the event type when it is the schema's; the key when it is not the schema's
 * example; the month when the article's text and date can support it.
 */
public final class Entities {
    static final int MAX = 10;
    private static final int MAX_LENGTH = 80;

    private Entities() {
    }

    /**
     * The actors the model calls malware families, as the grounded actors write them: one that is not among
     * {@code actors} is dropped, so a family is never named that the article does not name.
     */
    public static List<String> malware(List<String> named, List<String> actors) {
        if (named == null) {
            return List.of();
        }
        return actors.stream().filter(actor -> named.stream().anyMatch(m -> m != null && fold(m).equals(fold(actor)))).toList();
    }

    public static List<String> grounded(List<String> named, String text) {
        if (named == null || text == null) {
            return List.of();
        }
        String haystack = fold(text);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : named) {
            String clean = name == null ? "" : ModelText.clean(name, MAX_LENGTH);
            String key = fold(clean);
            if (key.length() >= 2 && clean.length() < MAX_LENGTH && haystack.contains(key)) {
                kept.putIfAbsent(key, clean);
            }
        }
        return kept.values().stream().limit(MAX).toList();
    }

    /**
     * The victims whose name as the article writes it ({@code original}), or whose English name, occurs in the article;
     * the English name falls back to the original when the model gave none.
     */
    static List<dev.newsdigest.model.Victim> victims(List<dev.newsdigest.model.Victim> named, String text) {
        if (named == null || text == null) {
            return List.of();
        }
        String haystack = fold(text);
        Map<String, dev.newsdigest.model.Victim> kept = new LinkedHashMap<>();
        for (dev.newsdigest.model.Victim v : named) {
            if (v == null) {
                continue;
            }
            String name = v.name() == null ? "" : ModelText.clean(v.name(), MAX_LENGTH);
            String original = v.original() == null ? "" : ModelText.clean(v.original(), MAX_LENGTH);
            boolean inText = original.length() >= 2 && haystack.contains(fold(original)) || name.length() >= 2 && haystack.contains(fold(name));
            if (inText) {
                kept.putIfAbsent(fold(name.isEmpty() ? original : name), new dev.newsdigest.model.Victim(name.isEmpty() ? original : name,
                        original.isEmpty() ? name : original));
            }
        }
        return kept.values().stream().limit(MAX).toList();
    }

    /** The model's event type when it is one of the schema's, else null. */
    static String eventType(String type) {
        return type != null && dev.newsdigest.model.ModelAnswer.EVENT_TYPES.contains(type.strip()) ? type.strip() : null;
    }

    /**
     * The event key as a key: lower case, only letters, digits, {@code - . _ |}, at most 120 characters; null when empty or
     * when it is the schema's example ({@link dev.newsdigest.model.ModelAnswer#EXAMPLE_EVENT_KEYS}).
     */
    static String eventKey(String key) {
        if (key == null) {
            return null;
        }
        String k = Normalizer.normalize(key, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", "-")
                .replaceAll("[^a-z0-9|._-]", "");
        if (k.isEmpty() || dev.newsdigest.model.ModelAnswer.EXAMPLE_EVENT_KEYS.contains(k)) {
            return null; // the schema's example, copied: no key
        }
        return k.length() > 120 ? k.substring(0, 120) : k;
    }

    /** How many months before its article's date an event may be without the article naming its year. */
    static final int RECENT_MONTHS = 2;

    /**
     * The model's event month ({@code YYYY-MM}) when the article can support it, else null. It supports a month that is
     * not after the article's date and either lies within {@link #RECENT_MONTHS} before it ("last week", "on Tuesday") or
     * is of a year the title or text names ("in March 2023", "2023年3月", "the 2021 breach"), or is named without its year
     * ("the February breach", 2月) within the year before the article. A month the article
     * cannot support is the model's guess, and a guess would keep two articles of one story apart. An article without a
     * date supports only a year it names.
     */
    public static String eventMonth(String month, String text, Instant published) {
        if (month == null || !month.strip().matches("\\d{4}-\\d{2}")) {
            return null;
        }
        YearMonth ym;
        try {
            ym = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
        YearMonth of = published == null ? null : YearMonth.from(published.atZone(ZoneOffset.UTC));
        if (of != null && ym.isAfter(of)) {
            return null;
        }
        String folded = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
        boolean recent = of != null && !ym.isBefore(of.minusMonths(RECENT_MONTHS));
        boolean yearNamed = Pattern.compile("(?<![0-9])" + ym.getYear() + "(?![0-9])").matcher(folded).find();
        boolean monthNamed = of != null && !ym.isBefore(of.minusMonths(11)) && monthName(ym.getMonthValue()).matcher(folded).find();
        return recent || yearNamed || monthNamed ? ym.toString() : null;
    }

    /** A month's name as an article writes it: "February", "Feb.", 2月; capitalised, so that "may" is a verb. */
    private static Pattern monthName(int month) {
        String english = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return Pattern.compile("\\b(" + english + "|" + english.substring(0, 3) + ")\\b|(?<![0-9])" + month + "月");
    }

    /** NFKC, lower case, runs of white space as one space. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
