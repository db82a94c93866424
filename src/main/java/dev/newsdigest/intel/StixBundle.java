package dev.newsdigest.intel;

import dev.newsdigest.text.StixTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.config.Tlp;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import dev.newsdigest.model.Victim;

/**
 * A digest revision as STIX 2.1 objects: the producer's {@code identity}; the TLP 2.0 marking definition of the
 * digest's TLP (OASIS's extension, in {@code object_marking_refs} of every object); per story a {@code report} that
 * refers to its {@code indicator}s (each {@code based-on} its cyber-observable), {@code vulnerability}s,
 * ATT&CK {@code attack-pattern}s and mitigations ({@code course-of-action}), actors ({@code intrusion-set} or
 * {@code malware}), victims ({@code identity}) and the relationships between them. An object two stories share (a CVE,
 * an address) is one object. {@code created} and {@code modified} are the revision's time; the state keeps the first
 * {@code created} and gives a changed object a later {@code modified} ({@code state.IntelLedger}).
 */
public class StixBundle {
    /** OASIS's TLP 2.0 extension and its marking definitions (cti-stix-common-objects, extension-definition-specifications/tlp-2.0). */
    static final String TLP_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    static final Map<Tlp, String> TLP_MARKINGS = Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
    /** An indicator the story's most trusted source names, and one that only a less trusted source names. */
    static final int CONFIDENCE = 85;
    static final int CONFIDENCE_LESS_TRUSTED = 50;
    /** The kinds of event whose victims an actor {@code targets}, and the one whose CVEs it {@code exploits}. */
    private static final Set<String> ATTACKS = Set.of("breach", "ransomware", "vulnerability-exploited", "other");
    private static final String EXPLOITED = "vulnerability-exploited";
    private static final Map<String, String> HASHES = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

    private final ObjectMapper json = new ObjectMapper();
    private final String producer;

    /** {@code producer}: {@code digest.stix.identity}, the name of the organisation that publishes the digest. */
    public StixBundle(String producer) {
        this.producer = producer;
    }

    /** Every object of the revision, each once, in the order a reader would follow: producer, marking, then story by story. */
    public List<ObjectNode> objects(Digest digest) {
        Instant now = instant(digest.generatedAt(), Instant.EPOCH);
        Objects objects = new Objects(now, digest.tlp() == null ? null : Tlp.parse(digest.tlp()));
        for (DigestItem item : digest.items()) {
            story(objects, item, digest.language());
        }
        return new ArrayList<>(objects.all.values());
    }

    /** The bundle of a revision, as written to {@code <day>.stix.json}: pretty-printed, ending in a newline. */
    public String bundle(String day, int revision, List<? extends JsonNode> objects) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", StixIds.of("bundle", day, Integer.toString(revision)));
        bundle.putArray("objects").addAll(objects.stream().map(JsonNode.class::cast).toList());
        try {
            return json.writer(dev.newsdigest.text.JsonLayout.printer()).writeValueAsString(bundle) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void story(Objects o, DigestItem item, String language) {
        int first = o.all.size();
        Set<String> refs = new LinkedHashSet<>();
        List<String> vulnerabilities = new ArrayList<>();
        for (Ioc ioc : item.iocs()) {
            switch (ioc.type()) {
                case "ipv4" -> refs.addAll(indicator(o, ioc, "ipv4-addr", ioc.value()));
                case "ipv6" -> refs.addAll(indicator(o, ioc, "ipv6-addr", ioc.value().toLowerCase(Locale.ROOT)));
                case "domain" -> refs.addAll(indicator(o, ioc, "domain-name", ioc.value().toLowerCase(Locale.ROOT)));
                case "url" -> refs.addAll(indicator(o, ioc, "url", ioc.value()));
                case "email" -> refs.addAll(indicator(o, ioc, "email-addr", ioc.value()));
                case "md5", "sha1", "sha256", "sha512" -> refs.addAll(indicator(o, ioc, "file", ioc.value().toLowerCase(Locale.ROOT)));
                case "cve" -> {
                    String id = vulnerability(o, ioc.value().toUpperCase(Locale.ROOT), item.cveContexts());
                    refs.add(id);
                    vulnerabilities.add(id);
                }
                case "attack_technique" -> refs.add(mitre(o, "attack-pattern", ioc.value().toUpperCase(Locale.ROOT)));
                case "attack_mitigation" -> refs.add(mitre(o, "course-of-action", ioc.value().toUpperCase(Locale.ROOT)));
                default -> { } // tactics, imphash, authentihash, xmpp: no STIX object says them plainly (docs/intel.md)
            }
        }
        List<String> victims = new ArrayList<>();
        for (Victim victim : item.victimList()) {
            ObjectNode identity = o.sdo("identity", StixIds.of("identity", "organization", victim.name()));
            identity.put("name", victim.name());
            identity.put("identity_class", "organization");
            victims.add(o.add(identity).path("id").asText());
        }
        refs.addAll(victims);
        List<String> malware = item.malwareList();
        List<String> groups = new ArrayList<>();
        List<String> families = new ArrayList<>();
        for (String actor : item.actors() == null ? List.<String>of() : item.actors()) {
            boolean isMalware = malware.stream().anyMatch(m -> m.equalsIgnoreCase(actor));
            String type = isMalware ? "malware" : "intrusion-set";
            ObjectNode sdo = o.sdo(type, StixIds.of(type, actor));
            sdo.put("name", actor);
            if (isMalware) {
                sdo.put("is_family", true);
            }
            String id = o.add(sdo).path("id").asText();
            (isMalware ? families : groups).add(id);
            refs.add(id);
        }
        boolean attack = item.eventType() != null && ATTACKS.contains(item.eventType());
        for (String actor : concat(groups, families)) {
            if (attack) {
                victims.forEach(v -> refs.add(o.relationship(actor, "targets", v)));
            }
            if (EXPLOITED.equals(item.eventType())) {
                vulnerabilities.forEach(v -> refs.add(o.relationship(actor, actor.startsWith("malware--") ? "exploits" : "targets", v)));
            }
        }
        groups.forEach(g -> families.forEach(f -> refs.add(o.relationship(g, "uses", f))));
        o.report(item, refs, language, first);
    }

    /** The indicator of one IOC, its observable and the {@code based-on} between them; their ids. */
    private List<String> indicator(Objects o, Ioc ioc, String type, String value) {
        ObjectNode observable = json.createObjectNode();
        observable.put("type", type);
        observable.put("spec_version", "2.1");
        String pattern;
        if (type.equals("file")) {
            String algorithm = HASHES.get(ioc.type());
            ObjectNode contributing = json.createObjectNode();
            contributing.putObject("hashes").put(algorithm, value);
            observable.put("id", StixIds.observable(type, contributing));
            observable.putObject("hashes").put(algorithm, value);
            pattern = StixPatterns.equals(type, "hashes.'" + algorithm + "'", value);
        } else {
            ObjectNode contributing = json.createObjectNode().put("value", value);
            observable.put("id", StixIds.observable(type, contributing));
            observable.put("value", value);
            pattern = StixPatterns.equals(type, "value", value);
        }
        o.mark(observable);
        String observableId = o.add(observable).path("id").asText();
        ObjectNode indicator = o.sdo("indicator", StixIds.of("indicator", pattern));
        indicator.put("name", value);
        indicator.put("pattern", pattern);
        indicator.put("pattern_type", "stix");
        indicator.put("pattern_version", "2.1");
        indicator.put("valid_from", o.now);
        indicator.put("confidence", ioc.onlyFromList().isEmpty() ? CONFIDENCE : CONFIDENCE_LESS_TRUSTED);
        String indicatorId = o.add(indicator).path("id").asText();
        return List.of(indicatorId, observableId, o.relationship(indicatorId, "based-on", observableId));
    }

    /** A CVE's vulnerability, with CVSS, EPSS and KEV as OpenCTI's custom properties (docs/intel.md says why). */
    private String vulnerability(Objects o, String cve, List<CveContext> contexts) {
        ObjectNode v = o.sdo("vulnerability", StixIds.of("vulnerability", cve));
        v.put("name", cve);
        ArrayNode references = v.putArray("external_references");
        references.addObject().put("source_name", "cve").put("external_id", cve);
        contexts.stream().filter(c -> c.id().equalsIgnoreCase(cve)).findFirst().ifPresent(c -> {
            if (c.jvn() != null) {
                references.addObject().put("source_name", "jvndb").put("external_id", c.jvn().id()).put("url", c.jvn().url());
            }
            if (c.cvss() != null) {
                boolean v4 = "4.0".equals(c.cvss().version());
                v.put(v4 ? "x_opencti_cvss_v4_base_score" : "x_opencti_cvss_base_score", c.cvss().score());
                v.put(v4 ? "x_opencti_cvss_v4_base_severity" : "x_opencti_cvss_base_severity", c.cvss().severity());
                if (c.cvss().vector() != null) {
                    v.put(v4 ? "x_opencti_cvss_v4_vector_string" : "x_opencti_cvss_vector_string", c.cvss().vector());
                }
            }
            if (c.epss() != null) {
                v.put("x_opencti_epss_score", c.epss().probability());
                v.put("x_opencti_epss_percentile", c.epss().percentile());
            }
            v.put("x_opencti_cisa_kev", c.kev() != null);
        });
        return o.add(v).path("id").asText();
    }

    /** An ATT&CK technique ({@code attack-pattern}) or mitigation ({@code course-of-action}) by its MITRE id. */
    private String mitre(Objects o, String type, String id) {
        ObjectNode sdo = o.sdo(type, StixIds.of(type, "mitre-attack", id));
        sdo.put("name", id);
        sdo.putArray("external_references").addObject().put("source_name", "mitre-attack").put("external_id", id)
                .put("url", "https://attack.mitre.org/" + (type.equals("attack-pattern") ? "techniques/" : "mitigations/")
                        + id.replace('.', '/') + "/");
        return o.add(sdo).path("id").asText();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static Instant instant(String timestamp, Instant fallback) {
        if (timestamp == null || timestamp.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** The revision's objects so far, by id, and what every object carries: the producer, the marking, the time. */
    private final class Objects {
        private final Map<String, ObjectNode> all = new LinkedHashMap<>();
        private final String now;
        private final String producerId;
        private final String marking;

        Objects(Instant time, Tlp tlp) {
            this.now = StixTime.millis(time);
            this.marking = tlp == null ? null : TLP_MARKINGS.get(tlp);
            if (marking != null) {
                ObjectNode definition = json.createObjectNode();
                definition.put("type", "marking-definition");
                definition.put("spec_version", "2.1");
                definition.put("id", marking);
                definition.put("created", "2022-10-01T00:00:00.000Z");
                definition.put("name", tlp.label());
                definition.putObject("extensions").putObject(TLP_EXTENSION)
                        .put("extension_type", "property-extension")
                        .put("tlp_2_0", tlp.name().toLowerCase(Locale.ROOT).replace('_', '+'));
                all.put(marking, definition);
            }
            ObjectNode identity = json.createObjectNode();
            identity.put("type", "identity");
            identity.put("spec_version", "2.1");
            this.producerId = StixIds.of("identity", "producer", producer);
            identity.put("id", producerId);
            identity.put("created", now);
            identity.put("modified", now);
            identity.put("name", producer);
            identity.put("identity_class", "organization");
            mark(identity);
            all.put(producerId, identity);
        }

        /** A domain object or relationship with its common properties; the caller adds the rest. */
        ObjectNode sdo(String type, String id) {
            ObjectNode o = json.createObjectNode();
            o.put("type", type);
            o.put("spec_version", "2.1");
            o.put("id", id);
            o.put("created_by_ref", producerId);
            o.put("created", now);
            o.put("modified", now);
            return o;
        }

        void mark(ObjectNode o) {
            if (marking != null) {
                o.putArray("object_marking_refs").add(marking);
            }
        }

        /** Adds the object, marked, unless it is there: then the one there (an indicator keeps the higher confidence). */
        ObjectNode add(ObjectNode object) {
            if (!object.has("object_marking_refs")) {
                mark(object);
            }
            ObjectNode there = all.putIfAbsent(object.path("id").asText(), object);
            if (there == null) {
                return object;
            }
            if (there.has("confidence") && object.path("confidence").asInt() > there.path("confidence").asInt()) {
                there.put("confidence", object.path("confidence").asInt());
            }
            return there;
        }

        String relationship(String source, String type, String target) {
            ObjectNode r = sdo("relationship", StixIds.of("relationship", source, type, target));
            r.put("relationship_type", type);
            r.put("source_ref", source);
            r.put("target_ref", target);
            return add(r).path("id").asText();
        }

        /** The story's report, placed before the objects the story added (the {@code first} of them is at that index). */
        void report(DigestItem item, Set<String> refs, String language, int first) {
            ObjectNode r = sdo("report", StixIds.of("report", item.storyKeyOrUrl()));
            r.put("name", item.title() == null || item.title().isBlank() ? item.originalTitle() : item.title());
            if (!item.summary().isEmpty()) {
                r.put("description", String.join("\n", item.summary()));
            }
            r.put("published", StixTime.millis(instant(item.publishedAt(), Instant.parse(now))));
            ArrayNode types = r.putArray("report_types").add("threat-report");
            if (refs.stream().anyMatch(ref -> ref.startsWith("vulnerability--"))) {
                types.add("vulnerability");
            }
            if (item.eventType() != null) {
                r.putArray("labels").add(item.eventType());
            }
            if (language != null) {
                r.put("lang", language);
            }
            ArrayNode references = r.putArray("external_references");
            List<DigestItem.Source> sources = item.sourceList().isEmpty()
                    ? List.of(new DigestItem.Source(item.source(), item.originalTitle(), item.url(), item.publishedAt()))
                    : item.sourceList();
            for (DigestItem.Source s : sources) {
                ObjectNode ref = references.addObject().put("source_name", s.source()).put("url", s.url());
                if (s.title() != null) {
                    ref.put("description", s.title());
                }
            }
            ArrayNode objectRefs = r.putArray("object_refs");
            if (refs.isEmpty()) {
                objectRefs.add(producerId); // a story with nothing to index still names who reported it: object_refs is required
            }
            refs.forEach(objectRefs::add);
            mark(r);
            // the report goes before the objects the story added
            List<Map.Entry<String, ObjectNode>> entries = new ArrayList<>(all.entrySet());
            all.clear();
            for (int i = 0; i <= entries.size(); i++) {
                if (i == first) {
                    all.putIfAbsent(r.path("id").asText(), r);
                }
                if (i < entries.size()) {
                    all.putIfAbsent(entries.get(i).getKey(), entries.get(i).getValue());
                }
            }
        }
    }
}
