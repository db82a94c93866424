package dev.newsdigest.state;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The TAXII collection, read from {@code stix_object} one page at a time: the versions a request's filters select, in
 * the order they were added, each page a bounded query from where the last one ended. Written for both databases of
 * the state (H2 in PostgreSQL mode and PostgreSQL).
 *
 * <p>Which version is an object's first and which its last is read from {@code date_added}: {@link IntelLedger} gives a
 * new version a later {@code modified} (and a cyber-observable its time of adding), and a later {@code date_added},
 * so the two orders agree. As TAXII says, {@code last} and {@code first} are taken among the versions that match the
 * rest of the request, {@code added_after} included: a client that polls with {@code added_after} gets an object's
 * newest version when it changed, and nothing when it did not.
 */
public class IntelQueries {
    /** The STIX version of every object the digests publish. */
    public static final String SPEC_VERSION = "2.1";

    private final Database db;

    IntelQueries(Database db) {
        this.db = db;
    }

    /**
     * Which versions of each object a request wants: {@code last} (TAXII's default), {@code first}, {@code all}, and
     * versions by their exact value ({@code exact}: the stored forms a requested timestamp may take).
     */
    public record Versions(boolean all, boolean first, boolean last, List<String> exact) {
        public static final Versions LAST = new Versions(false, false, true, List.of());
        public static final Versions ALL = new Versions(true, false, false, List.of());

        public Versions {
            exact = List.copyOf(exact);
        }
    }

    /** A request's filters: {@code addedAfter} null, or {@code ids} or {@code types} empty, do not filter. */
    public record Filter(Instant addedAfter, List<String> ids, List<String> types, Versions versions) {
        public Filter {
            ids = List.copyOf(ids);
            types = List.copyOf(types);
        }

        /** Every object's last version. */
        public static Filter latest() {
            return new Filter(null, List.of(), List.of(), Versions.LAST);
        }
    }

    /**
     * Where a page ended: its last row, by the collection's order (date added, then id and version). Clients see it
     * only as {@link #encode()}d text, TAXII's opaque {@code next}; it holds a position, never a filter, so a client
     * that changes its filters between pages gets what the new filters select after that position.
     */
    public record Cursor(Instant dateAdded, String id, String version) {
        private static final String FORM = "1";

        public String encode() {
            long micros = Math.addExact(Math.multiplyExact(dateAdded.getEpochSecond(), 1_000_000L), dateAdded.getNano() / 1_000);
            String plain = FORM + "|" + micros + "|" + version + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor {@code text} encodes; {@link IllegalArgumentException} when it is not one this server gave out. */
        public static Cursor decode(String text) {
            String plain;
            try {
                plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a next value this server gave out");
            }
            String[] parts = plain.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(FORM) || parts[2].isEmpty() || parts[3].isEmpty()) {
                throw new IllegalArgumentException("not a next value this server gave out");
            }
            try {
                long micros = Long.parseLong(parts[1]);
                return new Cursor(Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L)).plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L),
                        parts[3], parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a next value this server gave out");
            }
        }
    }

    /** One page: its rows in order, and whether more rows follow. */
    public record Page(List<IntelLedger.StoredObject> rows, boolean more) {
        public Page {
            rows = List.copyOf(rows);
        }

        /** The position after this page's last row (null when it has none): where a later request takes up. */
        public Cursor after() {
            if (rows.isEmpty()) {
                return null;
            }
            IntelLedger.StoredObject last = rows.get(rows.size() - 1);
            return new Cursor(last.dateAdded(), last.id(), last.version());
        }

        /** Where the next page starts; null when this page is the last. */
        public Cursor next() {
            if (!more || rows.isEmpty()) {
                return null;
            }
            IntelLedger.StoredObject last = rows.get(rows.size() - 1);
            return new Cursor(last.dateAdded(), last.id(), last.version());
        }
    }

    /** At most {@code limit} of the versions {@code filter} selects, after {@code after} (null: from the first), with their JSON. */
    public Page objects(Filter filter, Cursor after, int limit) {
        return page(filter, after, limit, true);
    }

    /** {@link #objects} without the objects' JSON ({@code json} is null): what a manifest or a versions list needs. */
    public Page manifest(Filter filter, Cursor after, int limit) {
        return page(filter, after, limit, false);
    }

    /** Whether the collection holds any version of {@code objectId}. */
    public boolean exists(String objectId) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM stix_object WHERE object_id = ? LIMIT 1")) {
                q.setString(1, objectId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private Page page(Filter filter, Cursor after, int limit, boolean withContent) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + ": at least 1");
        }
        StringBuilder sql = new StringBuilder("SELECT s.object_id, s.object_type, s.version, s.date_added")
                .append(withContent ? ", s.content" : "").append(" FROM stix_object s WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.addedAfter() != null) {
            sql.append(" AND s.date_added > ?");
            args.add(time(filter.addedAfter()));
        }
        in(sql, args, "s.object_id", filter.ids());
        in(sql, args, "s.object_type", filter.types());
        versions(sql, args, filter);
        if (after != null) {
            // the row after (date_added, object_id, version), written so that date_added alone picks the index range
            sql.append(" AND s.date_added >= ? AND (s.date_added > ? OR s.object_id > ? OR (s.object_id = ? AND s.version > ?))");
            args.add(time(after.dateAdded()));
            args.add(time(after.dateAdded()));
            args.add(after.id());
            args.add(after.id());
            args.add(after.version());
        }
        sql.append(" ORDER BY s.date_added, s.object_id, s.version LIMIT ?");
        args.add(limit + 1); // one more than asked: whether more follow
        return db.run(c -> {
            List<IntelLedger.StoredObject> rows = query(c, sql.toString(), args, withContent);
            boolean more = rows.size() > limit;
            return new Page(more ? rows.subList(0, limit) : rows, more);
        });
    }

    /**
     * The versions wanted, as one condition (several are ORed): {@code last}, no later version of the object; {@code
     * first}, no earlier one added after {@code added_after}; an exact version by its value.
     */
    private static void versions(StringBuilder sql, List<Object> args, Filter filter) {
        Versions v = filter.versions();
        if (v.all()) {
            return;
        }
        List<String> either = new ArrayList<>();
        if (v.last()) {
            // a later version was necessarily added after added_after too: no need to repeat it
            either.add("NOT EXISTS (SELECT 1 FROM stix_object n WHERE n.object_id = s.object_id AND n.date_added > s.date_added)");
        }
        if (v.first()) {
            if (filter.addedAfter() != null) {
                either.add("NOT EXISTS (SELECT 1 FROM stix_object n WHERE n.object_id = s.object_id AND n.date_added < s.date_added"
                        + " AND n.date_added > ?)");
                args.add(time(filter.addedAfter()));
            } else {
                either.add("NOT EXISTS (SELECT 1 FROM stix_object n WHERE n.object_id = s.object_id AND n.date_added < s.date_added)");
            }
        }
        if (!v.exact().isEmpty()) {
            StringBuilder exact = new StringBuilder();
            in(exact, args, "s.version", v.exact());
            either.add(exact.substring(" AND ".length()));
        }
        sql.append(either.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", either) + ")");
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    private static List<IntelLedger.StoredObject> query(Connection c, String sql, List<Object> args, boolean withContent) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            List<IntelLedger.StoredObject> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new IntelLedger.StoredObject(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), withContent ? rs.getString(5) : null));
                }
            }
            return rows;
        }
    }

    private static OffsetDateTime time(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
