package dev.newsdigest.summarize;

import java.util.regex.Pattern;

/**
 * What a model may put in a prose field: one line of plain text, no raw HTML, no URLs (links reach readers only as
 * item URLs, and indicators only through the grounded IOC list), capped in length.
 */
public final class ModelText {
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|<!--.*?-->");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|hxxps?|ftp|javascript|data|file|vbscript)\\s*(?:\\[:\\]|:)\\S*|\\bwww\\.\\S+");
    public static final String LINK_REMOVED = "[link removed]";

    private ModelText() {
    }

    public static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String plain = TAG.matcher(text).replaceAll(" ");
        plain = URL.matcher(plain).replaceAll(LINK_REMOVED);
        plain = plain.replaceAll("\\s+", " ").strip();
        return plain.length() > max ? plain.substring(0, max).strip() : plain;
    }
}
