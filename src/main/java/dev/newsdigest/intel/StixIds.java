package dev.newsdigest.intel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Deterministic STIX identifiers (UUIDv5, RFC 9562). Cyber-observables as STIX 2.1 section 2.9 defines them: the
 * namespace {@code 00abedb4-aa42-466c-9c01-fed23315a9b7} and the canonical JSON (RFC 8785) of the object's
 * id-contributing properties, so that any producer names the same address the same way. Everything else from this
 * product's own namespace and what the object is about (a story's key, a CVE id, a name), so that a later revision or a
 * 続報 gives the same object a new version rather than a second object.
 */
public final class StixIds {
    /** STIX 2.1, 2.9: the namespace of cyber-observable ids. */
    static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** This product's namespace, for the ids of its domain objects, relationships and bundles. Never change it. */
    static final UUID NAMESPACE = UUID.fromString("5d0c7f37-9a5e-4f4b-8a8c-3f1c1e6a2b9d");

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private StixIds() {
    }

    /** A cyber-observable's id from its id-contributing properties (only those it has). */
    public static String observable(String type, ObjectNode contributing) {
        return type + "--" + uuid5(SCO_NAMESPACE, canonical(contributing));
    }

    /** A domain object's, relationship's or bundle's id, from what it is about; case and surrounding space do not count. */
    public static String of(String type, String... about) {
        return type + "--" + uuid5(NAMESPACE, type + "|" + String.join("|", about).trim().toLowerCase(Locale.ROOT));
    }

    /** RFC 8785 for the objects this class hashes: keys sorted, no space; strings as Jackson writes them. */
    static String canonical(ObjectNode node) {
        try {
            Object sorted = CANONICAL.treeToValue(node, Object.class); // a Map: ORDER_MAP_ENTRIES_BY_KEYS sorts it at every depth
            return CANONICAL.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
