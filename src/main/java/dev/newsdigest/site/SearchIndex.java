package dev.newsdigest.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The archive's search index, {@code search-index.js}: what {@code search.js} searches in the browser, from disk or any
 * static server, with nothing on a server's side.
 *
 * <p>Japanese has no spaces between words, so the index is of character bigrams, not of words: every two adjacent
 * characters of an article's searchable text (its titles, summary, IOCs and CVE ids), after NFKC and lower case, name
 * the articles that hold them. A query term of two or more characters is looked up by its bigrams, intersected, then
 * confirmed in the article's text, so that a hit holds the term as written and not only its pairs; a one-character
 * term is looked for in every text. Terms separated by spaces must all be found.
 *
 * <p>The file is a script ({@code window.newsDigestIndex = {...};}), not JSON: a page opened from {@code file:} may
 * load a script beside it, where it may not fetch a file. Its form:
 * <ul>
 * <li>{@code docs}: per article, newest day first, {@code [day, anchor, title, text]}; the anchor is the item's id on
 * its day page;</li>
 * <li>{@code grams}: per bigram, the articles that hold it, as the gaps between ascending positions in {@code docs},
 * in base 36, comma-separated.</li>
 * </ul>
 */
public final class SearchIndex {
    private final ObjectNode index;

    private SearchIndex(ObjectNode index) {
        this.index = index;
    }

    /** The index of {@code digests}: each day's latest revision as its JSON, newest day first. */
    public static SearchIndex of(List<JsonNode> digests) {
        ObjectNode index = new ObjectMapper().createObjectNode();
        index.put("v", 1);
        ArrayNode docs = index.putArray("docs");
        Map<String, List<Integer>> grams = new TreeMap<>();
        for (JsonNode digest : digests) {
            String day = digest.path("date").asText();
            Set<String> itemKeys = new LinkedHashSet<>();
            for (JsonNode item : digest.path("items")) {
                itemKeys.add(ArchiveSite.storyKey(item));
                String text = String.join("\n", item.path("title").asText(""), item.path("originalTitle").asText(""),
                        lines(item.path("summary"), null), lines(item.path("iocs"), "value"), lines(item.path("cves"), "id"));
                add(docs, grams, day, anchorOf(ArchiveSite.storyKey(item)), item.path("title").asText(""), text);
            }
            for (JsonNode incident : digest.path("incidents")) {
                // a breach incident with a story of its own in the news is found through that story
                if (!itemKeys.contains(incident.path("storyKey").asText(""))) {
                    add(docs, grams, day, "", incident.path("title").asText(""), incident.path("title").asText(""));
                }
            }
        }
        ObjectNode out = index.putObject("grams");
        grams.forEach((gram, ids) -> {
            StringBuilder gaps = new StringBuilder();
            int last = 0;
            for (int id : ids) {
                gaps.append(gaps.isEmpty() ? "" : ",").append(Integer.toString(id - last, 36));
                last = id;
            }
            out.put(gram, gaps.toString());
        });
        return new SearchIndex(index);
    }

    /** The index as the script the search page loads, UTF-8. */
    public byte[] script() {
        try {
            return ("\"use strict\";\nwindow.newsDigestIndex = " + new ObjectMapper().writeValueAsString(index) + ";\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many articles the index holds. */
    public int size() {
        return index.path("docs").size();
    }

    /** The text as the index and {@code search.js} compare it: NFKC, lower case, runs of white space as one space. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The id of a story's item on a day page, the same on every day it is told: {@code s-} and 12 hex digits. */
    public static String anchorOf(String storyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(storyKey.getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(ArrayNode docs, Map<String, List<Integer>> grams, String day, String anchor, String title, String text) {
        int id = docs.size();
        docs.addArray().add(day).add(anchor).add(title).add(text);
        String normal = normalize(text);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i + 2 <= normal.length(); i++) {
            String gram = normal.substring(i, i + 2);
            if (gram.indexOf(' ') < 0 && seen.add(gram)) {
                grams.computeIfAbsent(gram, g -> new ArrayList<>()).add(id);
            }
        }
    }

    private static String lines(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : list) {
            out.add(field == null ? entry.asText("") : entry.path(field).asText(""));
        }
        return String.join(" ", out);
    }
}
