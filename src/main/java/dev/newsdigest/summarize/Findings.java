package dev.newsdigest.summarize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.newsdigest.model.Ioc;

/** The IOCs found in one text so far, each once, and the spans already taken, so that no IOC is found inside another. */
final class Findings {
    record Found(Ioc ioc, int start, int end) {
    }

    private final Map<String, Found> found = new LinkedHashMap<>();
    private final List<int[]> taken = new ArrayList<>();

    /** Records an IOC at its span (the first of equal ones stays) and takes the span. */
    void add(String type, String value, int start, int end) {
        take(start, end);
        addInner(type, value, start, end);
    }

    /** Records an IOC found inside a span already taken (the URL a URL carries). */
    void addInner(String type, String value, int start, int end) {
        String key = type.equals("url") ? UrlIocs.key(value) : value.toLowerCase(Locale.ROOT);
        found.putIfAbsent(type + "\u0000" + key, new Found(new Ioc(type, value), start, end));
    }

    /** Takes a span without an IOC in it (an ignored host's URL). */
    void take(int start, int end) {
        taken.add(new int[] {start, end});
    }

    boolean overlaps(int start, int end) {
        for (int[] t : taken) {
            if (start < t[1] && end > t[0]) {
                return true;
            }
        }
        return false;
    }

    List<Found> inOrder() {
        return found.values().stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toList();
    }
}
