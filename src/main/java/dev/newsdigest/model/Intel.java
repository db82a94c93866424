package dev.newsdigest.model;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one revision of a digest publishes for threat-intelligence platforms: its STIX 2.1 objects (without the bundle
 * around them) and one MISP event per story (empty when the MISP feed is off).
 */
public record Intel(List<ObjectNode> stix, List<Event> misp) {
    public static final Intel NONE = new Intel(List.of(), List.of());

    /** A story's MISP event: its file's content ({@code {"Event": {...}}}) and its {@code timestamp}, in epoch seconds. */
    public record Event(String uuid, String storyKey, long timestamp, ObjectNode content) {
    }
}
