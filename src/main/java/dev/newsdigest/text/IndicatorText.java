package dev.newsdigest.text;

import java.text.Normalizer;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text made ready for IOC patterns, with a way back to where each character came from: full-width and compatibility
 * forms folded by NFKC ({@code ＣＶＥ－２０２４－３４００} is {@code CVE-2024-3400}), hyphen look-alikes made {@code -},
 * and the usual defanging undone ({@code hxxp}, {@code [.]}, {@code example [ . ] com}, {@code 10\.0}, {@code [/]},
 * {@code [@]}, ...). {@link #originalStart}/{@link #originalEnd} map a span of {@link #text()} back to the text as
 * written, so a finding can be grounded where it stands.
 */
public final class IndicatorText {
    private static final Pattern HXXP = Pattern.compile("(?i)\\bhxxp(s?)");
    /** A bracketed dot, with spaces inside or around it ({@code example [ . ] com}), or a backslash-escaped one ({@code 10\.0}). */
    private static final Pattern DOT = Pattern.compile(
            "(?i)[ \\t]*(?:\\[[ \\t]*(?:\\.|dot)[ \\t]*\\]|\\([ \\t]*(?:\\.|dot)[ \\t]*\\))[ \\t]*|\\{\\.\\}|\\\\+\\.(?=\\w)");
    private static final Pattern SLASH = Pattern.compile("\\[/\\]|\\(/\\)");
    private static final Pattern COLON = Pattern.compile("\\[:\\]|\\[://\\]");
    private static final Pattern AT = Pattern.compile("(?i)\\[@\\]|\\[at\\]|\\(at\\)");

    private final String text;
    /** For each character of {@link #text}: where its source starts and ends in the original. */
    private final int[] from;
    private final int[] to;

    private IndicatorText(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** The text folded (NFKC, hyphens) and refanged, with its offset map. */
    public static IndicatorText of(String original) {
        return fold(original)
                .replace(HXXP, m -> "http" + m.group(1))
                .replace(DOT, m -> ".")
                .replace(SLASH, m -> "/")
                .replace(COLON, m -> m.group().equals("[:]") ? ":" : "://")
                .replace(AT, m -> "@");
    }

    /** The folded, refanged text alone. */
    public static String plain(String original) {
        return of(original).text;
    }

    public String text() {
        return text;
    }

    /** Where the character at {@code start} of {@link #text()} begins in the original. */
    public int originalStart(int start) {
        return text.isEmpty() ? 0 : from[Math.min(start, from.length - 1)];
    }

    /** Where a span ending (exclusive) at {@code end} of {@link #text()} ends in the original. */
    public int originalEnd(int end) {
        return end <= 0 ? 0 : to[Math.min(end, to.length) - 1];
    }

    private static IndicatorText fold(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] from = new int[original.length() * 2 + 4];
        int[] to = new int[from.length];
        int n = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String folded = cp < 0x80 ? null : isHyphen(cp) ? "-" : Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
            if (folded == null) {
                out.append((char) cp);
            } else {
                out.append(folded);
            }
            int added = folded == null ? 1 : folded.length();
            if (n + added > from.length) {
                from = java.util.Arrays.copyOf(from, (n + added) * 2);
                to = java.util.Arrays.copyOf(to, from.length);
            }
            for (int k = 0; k < added; k++, n++) {
                from[n] = i;
                to[n] = next;
            }
            i = next;
        }
        return new IndicatorText(out.toString(), java.util.Arrays.copyOf(from, n), java.util.Arrays.copyOf(to, n));
    }

    /** Hyphens and minus signs that stand for {@code -} in identifiers (NFKC leaves these as they are). */
    private static boolean isHyphen(int cp) {
        return cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
    }

    /** Every match replaced; the replacement's characters map to the whole span they replace. */
    private IndicatorText replace(Pattern pattern, Function<MatchResult, String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return this;
        }
        StringBuilder out = new StringBuilder(text.length());
        int[] newFrom = new int[text.length()];
        int[] newTo = new int[text.length()];
        int n = 0;
        int last = 0;
        do {
            for (int k = last; k < m.start(); k++, n++) {
                out.append(text.charAt(k));
                newFrom[n] = from[k];
                newTo[n] = to[k];
            }
            String r = replacement.apply(m);
            for (int k = 0; k < r.length(); k++, n++) { // a replacement is never longer than what it replaces
                out.append(r.charAt(k));
                newFrom[n] = from[m.start()];
                newTo[n] = to[m.end() - 1];
            }
            last = m.end();
        } while (m.find());
        for (int k = last; k < text.length(); k++, n++) {
            out.append(text.charAt(k));
            newFrom[n] = from[k];
            newTo[n] = to[k];
        }
        return new IndicatorText(out.toString(), java.util.Arrays.copyOf(newFrom, n), java.util.Arrays.copyOf(newTo, n));
    }
}
