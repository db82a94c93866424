package dev.newsdigest.delivery;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.common.hash.Hashing;

/**
 * What ties a ticket to its story, and that nobody else can forge: the marker in its subject ({@code digest:<16 hex>},
 * an HMAC of the story key under the key the product keeps in its state) and the story line its description ends with.
 * Marker-shaped text is taken out of what an article says before it reaches a ticket.
 */
final class TicketMarker {
    /** The line a ticket's description ends with: the story it belongs to and its marker, checked before adopting a ticket. */
    static final String STORY_LINE = "digest-story: ";
    /**
     * Marker-shaped text ({@code [digest:89e82fab6931]}, with or without brackets): taken out of every title and summary
     * before it reaches a ticket, so that an article cannot make its ticket look like another story's.
     */
    private static final Pattern MARKER_SHAPED = Pattern.compile("(?i)\\[?\\s*digest\\s*[:：]\\s*[0-9a-f]{4,}\\s*]?");

    private final Supplier<byte[]> key;

    /** {@code key}: the HMAC key, asked for on the first marker. */
    TicketMarker(Supplier<byte[]> key) {
        this.key = key;
    }

    /** The marker a story's ticket carries in its subject, found again by a search. */
    String of(String storyKey) {
        return "digest:" + Hashing.hmacSha256(key.get()).hashString(storyKey, StandardCharsets.UTF_8).toString().substring(0, 16);
    }

    /** The story line of a ticket's description. */
    static String storyLine(String storyKey, String marker) {
        return STORY_LINE + storyKey + " [" + marker + "]";
    }

    /** Whether a ticket's subject and description carry the story's marker and line: only then is it ours. */
    static boolean carried(String subject, String description, String storyKey, String marker) {
        return subject != null && description != null && subject.contains("[" + marker + "]")
                && description.contains(storyLine(storyKey, marker));
    }

    /** {@code text} without marker-shaped pieces. */
    static String unmarked(String text) {
        return text == null ? null : MARKER_SHAPED.matcher(text).replaceAll("").replaceAll("  +", " ").strip();
    }
}
