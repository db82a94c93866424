package dev.newsdigest.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.model.Intel;
import dev.newsdigest.text.StixTime;

/**
 * What the digests published for threat-intelligence platforms: every version of every STIX object (the TAXII
 * collection) and the latest form of every MISP event (the MISP feed). A revision stores only what changed: an object
 * that says what its stored version says is that version, so that a platform importing every revision holds each
 * story, indicator and CVE once, with a later {@code modified} when the news about it changed.
 */
public class IntelLedger {
    /** Properties that say when, not what: two versions that differ only in them are one. */
    private static final Set<String> STIX_TIMES = Set.of("created", "modified", "valid_from");
    private static final Set<String> MISP_TIMES = Set.of("timestamp", "publish_timestamp");

    private final Database db;
    private final ObjectMapper json = new ObjectMapper();

    IntelLedger(Database db) {
        this.db = db;
    }

    /** One stored version of a STIX object; {@code dateAdded} is when the collection first held it. */
    public record StoredObject(String id, String type, String version, Instant dateAdded, String json) {
    }

    /**
     * One MISP event as the feed holds it: {@code eventTime} is its {@code timestamp}, in epoch seconds; {@code day} the
     * day whose revision last changed it.
     */
    public record StoredEvent(String uuid, long eventTime, LocalDate day, String json) {
    }

    /**
     * Stores a revision's objects and events, in the revision's transaction, and returns its STIX objects as the
     * revision carries them: each new or changed object as a new version (its first {@code created} and {@code valid_from}
     * kept, {@code modified} later than the stored one), each unchanged one as stored.
     */
    List<JsonNode> record(Connection c, LocalDate day, int revision, Intel intel, Timestamp now) throws SQLException {
        List<JsonNode> carried = new ArrayList<>();
        Instant added = firstFreeDateAdded(c, now.toInstant());
        try (PreparedStatement latest = c.prepareStatement(
                     "SELECT content FROM stix_object WHERE object_id = ? ORDER BY date_added DESC LIMIT 1");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO stix_object(object_id, version, object_type, date_added, digest_day, revision, content)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (ObjectNode object : intel.stix()) {
                String id = object.path("id").asText();
                latest.setString(1, id);
                JsonNode stored = null;
                try (ResultSet rs = latest.executeQuery()) {
                    if (rs.next()) {
                        stored = read(rs.getString(1));
                    }
                }
                if (stored != null) {
                    for (String first : List.of("created", "valid_from")) {
                        if (stored.has(first) && object.has(first)) {
                            object.set(first, stored.get(first));
                        }
                    }
                    if (without(stored, STIX_TIMES).equals(without(object, STIX_TIMES))) {
                        carried.add(stored);
                        continue;
                    }
                    if (object.has("modified") && stored.has("modified")) {
                        object.put("modified", StixTime.later(object.get("modified").asText(), stored.get("modified").asText()));
                    }
                }
                String version = object.has("modified") ? object.get("modified").asText()
                        : object.has("created") ? object.get("created").asText() : StixTime.micros(added);
                insert.setString(1, id);
                insert.setString(2, version);
                insert.setString(3, object.path("type").asText());
                insert.setTimestamp(4, Timestamp.from(added));
                insert.setObject(5, day);
                insert.setInt(6, revision);
                insert.setString(7, object.toString());
                insert.addBatch();
                added = added.plus(1, ChronoUnit.MICROS);
                carried.add(object);
            }
            insert.executeBatch();
        }
        try (PreparedStatement clock = c.prepareStatement("UPDATE stix_clock SET last_added = ? WHERE id = 1")) {
            clock.setTimestamp(1, Timestamp.from(added.minus(1, ChronoUnit.MICROS)));
            clock.executeUpdate();
        }
        recordEvents(c, day, revision, intel.misp(), now);
        return carried;
    }

    /**
     * The first date_added this transaction may give: after every one given before, on any instance. The row stays
     * locked until the transaction ends, so publishers add objects one after the other.
     */
    private static Instant firstFreeDateAdded(Connection c, Instant now) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT last_added FROM stix_clock WHERE id = 1 FOR UPDATE");
             ResultSet rs = q.executeQuery()) {
            Instant last = rs.next() ? rs.getTimestamp(1).toInstant() : Instant.EPOCH;
            Instant next = now.truncatedTo(ChronoUnit.MICROS);
            return next.isAfter(last) ? next : last.plus(1, ChronoUnit.MICROS);
        }
    }

    private void recordEvents(Connection c, LocalDate day, int revision, List<Intel.Event> events, Timestamp now) throws SQLException {
        try (PreparedStatement stored = c.prepareStatement("SELECT content FROM misp_event WHERE event_uuid = ?");
             PreparedStatement update = c.prepareStatement("""
                     UPDATE misp_event SET story_key = ?, digest_day = ?, revision = ?, event_time = ?, content = ?, updated_at = ?
                     WHERE event_uuid = ?""");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO misp_event(story_key, digest_day, revision, event_time, content, updated_at, event_uuid)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Intel.Event wanted : events) {
                stored.setString(1, wanted.uuid());
                boolean known;
                Intel.Event event = wanted;
                try (ResultSet rs = stored.executeQuery()) {
                    known = rs.next();
                    if (known) {
                        JsonNode before = read(rs.getString(1));
                        if (without(before, MISP_TIMES).equals(without(wanted.content(), MISP_TIMES))) {
                            continue;
                        }
                        long last = before.path("Event").path("timestamp").asLong();
                        if (wanted.timestamp() <= last) { // a revision within the same second: MISP pulls an event whose timestamp grew
                            event = new Intel.Event(wanted.uuid(), wanted.storyKey(), last + 1, retimed(wanted.content(), wanted.timestamp(), last + 1));
                        }
                    }
                }
                PreparedStatement write = known ? update : insert;
                write.setString(1, event.storyKey());
                write.setObject(2, day);
                write.setInt(3, revision);
                write.setLong(4, event.timestamp());
                write.setString(5, event.content().toString());
                write.setTimestamp(6, now);
                write.setString(7, event.uuid());
                write.executeUpdate();
            }
        }
    }

    /** The stored versions of STIX objects, {@code where} a condition on its columns (or null: all), by date added. */
    public List<StoredObject> objects() {
        return db.run(c -> {
            List<StoredObject> objects = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT object_id, object_type, version, date_added, content FROM stix_object ORDER BY date_added");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    objects.add(new StoredObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getString(5)));
                }
            }
            return objects;
        });
    }

    /** The STIX bundle a published revision carried, or null when it has none (published before bundles were made). */
    public String bundle(LocalDate day, int revision) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT stix FROM digest WHERE digest_day = ? AND revision = ?")) {
                q.setObject(1, day);
                q.setInt(2, revision);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Every MISP event of the feed, oldest change first. */
    public List<StoredEvent> events() {
        return db.run(c -> {
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT event_uuid, event_time, digest_day, content FROM misp_event ORDER BY event_time, event_uuid");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
                }
            }
            return events;
        });
    }

    /** The events of these uuids, as the feed holds them now. */
    public List<StoredEvent> events(java.util.Collection<String> uuids) {
        return db.run(c -> {
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT event_uuid, event_time, digest_day, content FROM misp_event WHERE event_uuid = ?")) {
                for (String uuid : uuids) {
                    q.setString(1, uuid);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            events.add(new StoredEvent(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
                        }
                    }
                }
            }
            return events;
        });
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored object cannot be read", e);
        }
    }

    /** A copy of an event with every timestamp that said {@code from} saying {@code to}. */
    private static ObjectNode retimed(ObjectNode event, long from, long to) {
        ObjectNode copy = event.deepCopy();
        retime(copy, Long.toString(from), to);
        return copy;
    }

    private static void retime(JsonNode node, String from, long to) {
        if (node instanceof ObjectNode object) {
            for (String key : MISP_TIMES) {
                JsonNode value = object.get(key);
                if (value != null && value.asText().equals(from)) {
                    if (value.isTextual()) {
                        object.put(key, Long.toString(to));
                    } else {
                        object.put(key, to);
                    }
                }
            }
        }
        node.forEach(child -> retime(child, from, to));
    }

    /** A copy of {@code node} without {@code keys}, at any depth. */
    private static JsonNode without(JsonNode node, Set<String> keys) {
        JsonNode copy = node.deepCopy();
        strip(copy, keys);
        return copy;
    }

    private static void strip(JsonNode node, Set<String> keys) {
        if (node instanceof ObjectNode object) {
            object.remove(keys);
        }
        node.forEach(child -> strip(child, keys));
    }
}
