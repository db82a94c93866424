package dev.newsdigest.config;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of one output language ({@code digest.language}: ja or en), from {@code messages_<language>.properties}:
 * the digest's headings and placeholders, the feed-status line, the offline notes and overview, the mail subject.
 */
public final class Messages {
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The messages of {@code language}; anything but {@code en} is Japanese. */
    public static Messages of(String language) {
        String code = "en".equals(language) ? "en" : "ja";
        // no fallback to the JVM's locale: the bundle is exactly the one asked for
        return LOADED.computeIfAbsent(code, c -> new Messages(ResourceBundle.getBundle("messages", Locale.forLanguageTag(c),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
    }

    /** True when this language has a message for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** Every message as a tree on the first dot of its key ({@code digest.heading} under digest, heading), for templates. */
    public Map<String, Map<String, String>> tree() {
        Map<String, Map<String, String>> tree = new java.util.TreeMap<>();
        for (String key : bundle.keySet()) {
            int dot = key.indexOf('.');
            tree.computeIfAbsent(key.substring(0, dot), k -> new java.util.TreeMap<>()).put(key.substring(dot + 1), bundle.getString(key));
        }
        return tree;
    }

    /** The pattern of {@code key} filled in with {@link String#format}. */
    public String format(String key, Object... args) {
        return String.format(Locale.ROOT, get(key), args);
    }
}
