package dev.newsdigest.delivery;

import java.util.ArrayList;
import java.util.List;

import dev.newsdigest.config.Messages;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a chat message tells of a digest, in plain text (each kind escapes it for its own markup): the heading, the TLP,
 * the 課題 lines, the top {@value #HEADLINES} news headlines in their order, how many news items are left out, the link
 * to the day's archive page, and the words of the digest's language. Titles and reasons are cut to one line of at most
 * {@value #TITLE_MAX} and {@value #REASON_MAX} characters, so that a single entry always fits.
 */
record ChatDigest(String heading, String tlp, List<Line> actions, List<Line> headlines, int moreNews, String archiveUrl,
                  Messages words) {
    static final int HEADLINES = 5;
    static final int TITLE_MAX = 200;
    static final int REASON_MAX = 300;

    /** One entry: a title, its link (null when it is not an absolute http(s) URL) and, for 課題, the reason. */
    record Line(String title, String url, String reason) {
    }

    /** The chat view of a digest JSON; {@code siteUrl} (no trailing slash) or empty: no archive link. */
    static ChatDigest of(JsonNode digest, String siteUrl) {
        Messages words = Messages.of(digest.path("language").asText("ja"));
        String date = digest.path("date").asText();
        int revision = digest.path("revision").asInt(1);
        String heading = words.get("digest.heading") + " " + date + (revision >= 2 ? words.format("mail.revision", revision) : "");
        String tlp = digest.hasNonNull("tlp") ? oneLine(digest.path("tlp").asText(), 40) : null;
        List<Line> actions = new ArrayList<>();
        for (JsonNode a : digest.path("actions")) {
            String reason = oneLine(a.path("reason").asText(""), REASON_MAX);
            actions.add(new Line(oneLine(a.path("title").asText(""), TITLE_MAX), link(a.path("url").asText(null)), reason.isEmpty() ? null : reason));
        }
        List<Line> headlines = new ArrayList<>();
        JsonNode items = digest.path("items");
        for (int i = 0; i < Math.min(HEADLINES, items.size()); i++) {
            JsonNode item = items.get(i);
            headlines.add(new Line(oneLine(item.path("title").asText(""), TITLE_MAX), link(item.path("url").asText(null)), null));
        }
        String archive = siteUrl == null || siteUrl.isEmpty() ? null : siteUrl + "/" + date + ".html";
        return new ChatDigest(heading, tlp, List.copyOf(actions), List.copyOf(headlines), Math.max(0, items.size() - HEADLINES), archive, words);
    }

    /** "他 N 件" / "N more". */
    String more(int n) {
        return words.format("chat.more", n);
    }

    /** Whitespace and control characters as single spaces, cut to {@code max} code points with an ellipsis. */
    static String oneLine(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("[\\s\\p{Cc}\\u2028\\u2029]+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= max) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
    }

    /**
     * The 課題 lines of a Markdown-like chat message: the first {@code shown} entries (title linked by {@code link}, then
     * the reason), "none" when there are none, "N more" when some were left out; every text through {@code escape}.
     */
    List<String> actionLines(int shown, java.util.function.UnaryOperator<String> escape, java.util.function.Function<Line, String> link) {
        List<String> lines = new java.util.ArrayList<>();
        for (Line a : actions.subList(0, shown)) {
            lines.add("• " + link.apply(a) + (a.reason() == null ? "" : ": " + escape.apply(a.reason())));
        }
        if (actions.isEmpty()) {
            lines.add(escape.apply(words().get("digest.noActions")));
        } else if (shown < actions.size()) {
            lines.add(escape.apply(more(actions.size() - shown)));
        }
        return lines;
    }

    /** The headlines, each linked by {@code link}, then "N more" when the day has more news. */
    List<String> newsLines(java.util.function.UnaryOperator<String> escape, java.util.function.Function<Line, String> link) {
        List<String> lines = new java.util.ArrayList<>();
        headlines.forEach(h -> lines.add("• " + link.apply(h)));
        if (moreNews > 0) {
            lines.add(escape.apply(more(moreNews)));
        }
        return lines;
    }

    /** An absolute http(s) URL with the characters no chat link syntax takes percent-encoded; null for anything else. */
    static String link(String url) {
        if (url == null || !url.matches("(?i)https?://[^\\s]+")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (char c : url.toCharArray()) {
            switch (c) {
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '|' -> out.append("%7C");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '"' -> out.append("%22");
                case '`' -> out.append("%60");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
