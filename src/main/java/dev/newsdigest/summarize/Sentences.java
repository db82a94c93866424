package dev.newsdigest.summarize;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentence splitting and truncation at a sentence boundary, for English and Japanese text. */
public final class Sentences {
    private Sentences() {
    }

    /** The sentences of {@code text}, trimmed, in order. */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\\n+")) {
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
            it.setText(paragraph);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = paragraph.substring(start, end).strip();
                if (!s.isEmpty()) {
                    sentences.add(s);
                }
            }
        }
        return sentences;
    }

    /** {@code text} cut to at most {@code max} characters, at the last sentence end before the limit when there is one. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max);
        int cut = -1;
        for (int i = head.length() - 1; i > max / 2; i--) {
            char c = head.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '\n'
                    || ((c == '.' || c == '!' || c == '?') && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
                cut = i + 1;
                break;
            }
        }
        return (cut > 0 ? head.substring(0, cut) : head).strip();
    }
}
