package dev.newsdigest.intel;

import java.net.IDN;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.net.InetAddresses;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import dev.newsdigest.model.Victim;

/**
 * One story of the digest as one MISP event, in the feed form MISP's own generators write, and the feed's
 * {@code manifest.json} and {@code hashes.csv} for a set of them. A MISP instance subscribes to the directory of
 * {@code <uuid>.json}, {@code manifest.json} and {@code hashes.csv} as a feed of type "MISP Feed".
 *
 * <p>The form follows PyMISP (MISP/PyMISP): {@code MISPEvent.to_feed()} writes the event's {@code _fields_for_feed}
 * (analysis, date, extends_uuid, info, publish_timestamp, published, threat_level_id, timestamp, uuid; numbers as strings,
 * by {@code abstract._int_to_str}), then {@code Orgc} ({@code name}, {@code uuid}), {@code Tag} ({@code colour},
 * {@code name}) and, when there are any, {@code Attribute} (category, comment, deleted, disable_correlation, timestamp,
 * to_ids, type, uuid, value; {@code deleted} false, which the draft requires and MISP's own feed files carry). No {@code Org}, {@code id}, {@code org_id}, {@code distribution}: they are the receiving instance's,
 * and neither {@code to_feed()} nor {@code examples/feed-generator/generate.py} writes them. The fields' types are those
 * of the MISP core format draft (MISP/misp-rfc, {@code misp-core-format/raw.md}).
 *
 * <p>Choices, each with what supports it:
 * <ul>
 * <li>Types: ipv4 and ipv6 are {@code ip-dst}, domain {@code domain}, url {@code url}, email {@code email-src}, the hashes
 * their own type, xmpp {@code jabber-id}, cve {@code vulnerability}; category and {@code to_ids} are describeTypes'
 * {@code sane_defaults} (PyMISP {@code pymisp/data/describeTypes.json}), so {@code jabber-id} and {@code vulnerability}
 * are not for IDS.</li>
 * <li>An IOC only less trusted feeds name ({@link Ioc#onlyFromList()}) is kept, with {@code to_ids} false and a comment
 * naming the feeds: the draft defines {@code to_ids} as "meant to be actionable" in automated detection, and an
 * uncorroborated value is not.</li>
 * <li>Values as MISP stores them (MISP {@code app/Lib/Tools/AttributeValidationTool.php},
 * {@code modifyBeforeValidation}): hashes, domains and e-mail addresses in lower case, IPv6 compressed, CVE ids in upper
 * case, domains in punycode; a value MISP's {@code validate} would refuse (a hash of the wrong length, an address that is
 * not one) is left out, since MISP refuses the attribute on import. So {@code hashes.csv} holds what MISP will hold.</li>
 * <li>ATT&amp;CK ids (technique, tactic, mitigation) are tags {@code news-digest:attack-technique="T1566"} and the like,
 * not galaxy tags: MISP attaches a galaxy cluster only by its exact {@code tag_name}
 * ({@code misp-galaxy:mitre-attack-pattern="Phishing - T1566"}, name and id), and the digest has the id alone.</li>
 * <li>Tags: the TLP as the {@code tlp} taxonomy's machine tag ({@code tlp:amber}, {@code tlp:amber+strict},
 * {@code tlp:clear}...) with its colour (MISP/misp-taxonomies {@code tlp/machinetag.json}); the event type as
 * {@code news-digest:event-type="breach"}, since no taxonomy has the digest's kinds (patch, arrest, disclosed...). Tags of
 * our own namespace carry PyMISP's default colour {@code #ffffff} ({@code MISPTag._set_default}).</li>
 * <li>Threat level: 1 (high) when the item asks for action or one of its CVEs is in CISA's KEV; 2 (medium) for a breach,
 * ransomware or an exploited vulnerability, a CVE of CVSS 7.0 or more, or any indicator for IDS; else 3 (low). Never 4
 * (undefined). The draft's scale, 1 high to 4 undefined.</li>
 * <li>Analysis 2 (completed) and published true: the digest publishes what it has finished. timestamp and
 * publish_timestamp are both the given time: the draft asks publish_timestamp to be updated at each publication, and the
 * event's timestamp is that of its last change.</li>
 * <li>The summary is one {@code text} attribute (category Other), the story's articles {@code link} attributes (category
 * External analysis), victims {@code target-org} and actors {@code threat-actor}: all attributes, none for IDS.</li>
 * <li>uuids: the event's from the story key ({@link #eventUuid}), each attribute's a UUIDv5 of (event uuid, type,
 * value), so a story's event and its attributes keep their uuids from day to day and MISP updates rather than
 * duplicates them (the draft: "The uuid MUST be preserved for any updates").</li>
 * </ul>
 */
public final class MispEvents {
    /** The namespace of the events' UUIDv5, the name being the story key. Fixed once; changing it re-creates every event. */
    public static final UUID EVENT_NAMESPACE = UUID.fromString("10ef4b79-1e9e-4380-bcb5-44fc31ac28ab");
    /** The namespace of the attributes' UUIDv5, the name being {@code eventUuid \n type \n value}. Fixed once. */
    public static final UUID ATTRIBUTE_NAMESPACE = UUID.fromString("e988a7c7-c2bd-4992-a178-6417bdf2b130");
    /** The draft: info SHOULD NOT be bigger than 256 characters and SHOULD NOT include new-lines. */
    public static final int INFO_MAX = 256;
    /** The namespace of the tags that are ours, not a MISP taxonomy's. */
    public static final String TAG_NAMESPACE = "news-digest";
    /** PyMISP's colour for a tag that has none ({@code MISPTag._set_default}). */
    static final String DEFAULT_TAG_COLOUR = "#ffffff";

    /** The TLP tags of the MISP taxonomy {@code tlp} (v10) and their colours. */
    private static final Map<String, String> TLP_COLOURS = Map.of("tlp:red", "#FF2B2B", "tlp:amber", "#FFC000",
            "tlp:amber+strict", "#FFC000", "tlp:green", "#33FF00", "tlp:clear", "#ffffff", "tlp:white", "#ffffff");

    /** Our IOC type, its MISP type, and that type's default category and to_ids from describeTypes' sane_defaults. */
    private record MispType(String type, String category, boolean toIds) {
    }

    private static final Map<String, MispType> TYPES = Map.ofEntries(
            Map.entry("ipv4", new MispType("ip-dst", "Network activity", true)),
            Map.entry("ipv6", new MispType("ip-dst", "Network activity", true)),
            Map.entry("domain", new MispType("domain", "Network activity", true)),
            Map.entry("url", new MispType("url", "Network activity", true)),
            Map.entry("email", new MispType("email-src", "Payload delivery", true)),
            Map.entry("md5", new MispType("md5", "Payload delivery", true)),
            Map.entry("sha1", new MispType("sha1", "Payload delivery", true)),
            Map.entry("sha256", new MispType("sha256", "Payload delivery", true)),
            Map.entry("sha512", new MispType("sha512", "Payload delivery", true)),
            Map.entry("imphash", new MispType("imphash", "Payload delivery", true)),
            Map.entry("authentihash", new MispType("authentihash", "Payload delivery", true)),
            Map.entry("xmpp", new MispType("jabber-id", "Social network", false)),
            Map.entry("cve", new MispType("vulnerability", "External analysis", false)));
    private static final MispType TEXT = new MispType("text", "Other", false);
    private static final MispType LINK = new MispType("link", "External analysis", false);
    private static final MispType TARGET_ORG = new MispType("target-org", "Targeting data", false);
    private static final MispType THREAT_ACTOR = new MispType("threat-actor", "Attribution", false);

    /** The ATT&CK ids as tags: our type, the predicate, the id's form. */
    private static final Map<String, String> ATTACK_PREDICATES = Map.of("attack_technique", "attack-technique",
            "attack_tactic", "attack-tactic", "attack_mitigation", "attack-mitigation");
    private static final Map<String, Pattern> ATTACK_IDS = Map.of("attack_technique", Pattern.compile("T\\d{4}(?:\\.\\d{3})?"),
            "attack_tactic", Pattern.compile("TA\\d{4}"), "attack_mitigation", Pattern.compile("M\\d{4}"));

    /** MISP's hash lengths in hex characters (AttributeValidationTool::HASH_HEX_LENGTH). */
    private static final Map<String, Integer> HASH_LENGTHS = Map.of("md5", 32, "sha1", 40, "sha256", 64, "sha512", 128,
            "imphash", 32, "authentihash", 64);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    /** AttributeValidationTool::isDomainValid. */
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.\\-_]+\\.[a-z0-9\\-]{2,}");
    /** AttributeValidationTool::validate for the e-mail-like types (email-src, jabber-id), without whitespace anywhere. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> SERIOUS = Set.of("breach", "ransomware", "vulnerability-exploited");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String orgName;
    private final String orgUuid;

    /** The organisation that creates the events ({@code Orgc}): its name and its MISP uuid. */
    public MispEvents(String orgName, String orgUuid) {
        String name = orgName == null ? "" : line(orgName);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the organisation needs a name");
        }
        this.orgName = name;
        this.orgUuid = canonicalUuid(orgUuid, "organisation uuid");
    }

    /** The event's uuid for a story: a UUIDv5 of the story key in {@link #EVENT_NAMESPACE}, the same every day. */
    public static UUID eventUuid(String storyKey) {
        if (storyKey == null || storyKey.isEmpty()) {
            throw new IllegalArgumentException("a story needs a key");
        }
        return uuid5(EVENT_NAMESPACE, storyKey);
    }

    /**
     * The file {@code <eventUuid>.json} of one story: {@code {"Event": {...}}}.
     *
     * @param date      the event's date, {@code YYYY-MM-DD}
     * @param timestamp seconds since the epoch (UTC): the event's and each attribute's timestamp, and publish_timestamp
     * @param tlp       the digest's TLP label ({@code TLP:AMBER}, {@code TLP:AMBER+STRICT}, {@code TLP:CLEAR}...), or null
     */
    public ObjectNode event(DigestItem item, String eventUuid, String date, long timestamp, String tlp) {
        String uuid = canonicalUuid(eventUuid, "event uuid");
        if (date == null || !DATE.matcher(date).matches()) {
            throw new IllegalArgumentException("the date must be YYYY-MM-DD: " + date);
        }
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("no such date: " + date, e);
        }
        if (timestamp <= 0) {
            throw new IllegalArgumentException("the timestamp must be seconds since the epoch: " + timestamp);
        }
        String time = Long.toString(timestamp);
        Map<String, Pending> attributes = attributes(item);

        ObjectNode event = JSON.objectNode();
        event.put("analysis", "2");
        event.put("date", date);
        event.put("extends_uuid", "");
        event.put("info", info(item));
        event.put("publish_timestamp", time);
        event.put("published", true);
        event.put("threat_level_id", threatLevel(item, attributes.values()));
        event.put("timestamp", time);
        event.put("uuid", uuid);
        ObjectNode orgc = event.putObject("Orgc");
        orgc.put("name", orgName);
        orgc.put("uuid", orgUuid);
        ArrayNode tags = event.putArray("Tag");
        for (Map.Entry<String, String> tag : tags(item, tlp).entrySet()) {
            ObjectNode node = tags.addObject();
            node.put("colour", tag.getValue());
            node.put("name", tag.getKey());
        }
        if (!attributes.isEmpty()) {
            ArrayNode list = event.putArray("Attribute");
            for (Pending a : attributes.values()) {
                ObjectNode node = list.addObject();
                node.put("category", a.type.category());
                node.put("comment", a.comment);
                node.put("deleted", false);
                node.put("disable_correlation", false);
                node.put("timestamp", time);
                node.put("to_ids", a.toIds);
                node.put("type", a.type.type());
                node.put("uuid", uuid5(ATTRIBUTE_NAMESPACE, uuid + "\n" + a.type.type() + "\n" + a.value).toString());
                node.put("value", a.value);
            }
        }
        ObjectNode file = JSON.objectNode();
        file.set("Event", event);
        return file;
    }

    /**
     * {@code manifest.json} for these event files: each event's uuid to its Orgc, Tag, info, date, analysis,
     * threat_level_id and timestamp, as PyMISP's {@code MISPEvent.manifest} and the draft's "Manifest" section give them.
     */
    public static ObjectNode manifest(Collection<ObjectNode> events) {
        ObjectNode manifest = JSON.objectNode();
        for (ObjectNode file : events) {
            JsonNode event = file.path("Event");
            String uuid = event.path("uuid").asText();
            if (manifest.has(uuid)) {
                throw new IllegalArgumentException("two events with the uuid " + uuid);
            }
            ObjectNode entry = manifest.putObject(uuid);
            entry.set("Orgc", event.path("Orgc").deepCopy());
            ArrayNode tags = entry.putArray("Tag");
            for (JsonNode tag : event.path("Tag")) {
                ObjectNode copy = tags.addObject();
                copy.set("colour", tag.path("colour").deepCopy());
                copy.set("name", tag.path("name").deepCopy());
            }
            for (String field : List.of("info", "date", "analysis", "threat_level_id", "timestamp")) {
                entry.set(field, event.path(field).deepCopy());
            }
        }
        return manifest;
    }

    /**
     * The lines of {@code hashes.csv} (no header, as the generators write none): for each attribute of each event, in
     * order, {@code <md5 of the value>,<event uuid>}, one line per part of a composite ({@code a|b}) value, as PyMISP's
     * {@code MISPAttribute.hash_values('md5')} and {@code tools.feed_meta_generator}.
     */
    public static List<String> hashes(Collection<ObjectNode> events) {
        List<String> lines = new ArrayList<>();
        for (ObjectNode file : events) {
            JsonNode event = file.path("Event");
            String uuid = event.path("uuid").asText();
            List<JsonNode> all = new ArrayList<>();
            event.path("Attribute").forEach(all::add);
            for (JsonNode object : event.path("Object")) {
                object.path("Attribute").forEach(all::add);
            }
            for (JsonNode attribute : all) {
                String type = attribute.path("type").asText();
                String value = attribute.path("value").asText();
                List<String> parts = type.contains("|") || type.equals("malware-sample") ? List.of(value.split("\\|", -1)) : List.of(value);
                for (String part : parts) {
                    lines.add(md5(part) + "," + uuid);
                }
            }
        }
        return lines;
    }

    /** An attribute before it is written: the first of its (type, value) wins, unless a later one is better trusted. */
    private static final class Pending {
        final MispType type;
        final String value;
        String comment;
        boolean toIds;

        Pending(MispType type, String value, String comment, boolean toIds) {
            this.type = type;
            this.value = value;
            this.comment = comment;
            this.toIds = toIds;
        }
    }

    private static Map<String, Pending> attributes(DigestItem item) {
        Map<String, Pending> all = new LinkedHashMap<>();
        Map<String, CveContext> contexts = new LinkedHashMap<>();
        for (CveContext context : item.cveContexts()) {
            if (context != null && context.id() != null) {
                contexts.put(context.id().toUpperCase(Locale.ROOT), context);
            }
        }
        for (Ioc ioc : item.iocs() == null ? List.<Ioc>of() : item.iocs()) {
            if (ioc == null || ioc.type() == null || ioc.value() == null) {
                continue;
            }
            MispType type = TYPES.get(ioc.type());
            String value = type == null ? null : normalise(type.type(), ioc.value());
            if (value == null) {
                continue;
            }
            List<String> onlyFrom = ioc.onlyFromList();
            boolean trusted = onlyFrom.isEmpty();
            String comment = trusted ? "" : line("named only by less trusted feeds: " + String.join(", ", onlyFrom));
            if (type.type().equals("vulnerability")) {
                comment = join(comment, cveComment(contexts.get(value)));
            }
            add(all, new Pending(type, value, comment, type.toIds() && trusted), trusted);
        }
        for (Map.Entry<String, CveContext> context : contexts.entrySet()) {
            String value = normalise("vulnerability", context.getKey());
            if (value != null) {
                add(all, new Pending(TYPES.get("cve"), value, cveComment(context.getValue()), false), true);
            }
        }
        for (Victim victim : item.victimList()) {
            String name = victim == null || victim.name() == null ? "" : line(victim.name());
            if (!name.isEmpty()) {
                add(all, new Pending(TARGET_ORG, name, "victim", false), true);
            }
        }
        for (String actor : item.actors() == null ? List.<String>of() : item.actors()) {
            String name = actor == null ? "" : line(actor);
            if (!name.isEmpty()) {
                add(all, new Pending(THREAT_ACTOR, name, "", false), true);
            }
        }
        List<String> summary = item.summary() == null ? List.of() : item.summary().stream().filter(s -> s != null).map(MispEvents::text)
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!summary.isEmpty()) {
            add(all, new Pending(TEXT, String.join("\n", summary), "summary", false), true);
        }
        String article = link(item.url());
        if (article != null) {
            add(all, new Pending(LINK, article, line("article" + (item.source() == null ? "" : ": " + item.source())), false), true);
        }
        for (DigestItem.Source source : item.sourceList()) {
            String url = source == null ? null : link(source.url());
            if (url != null) {
                add(all, new Pending(LINK, url, line("article" + (source.source() == null ? "" : ": " + source.source())), false), true);
            }
        }
        return all;
    }

    private static void add(Map<String, Pending> all, Pending attribute, boolean trusted) {
        String key = attribute.type.type() + "\n" + attribute.value;
        Pending before = all.get(key);
        if (before == null) {
            all.put(key, attribute);
        } else if (trusted && !before.comment.equals(attribute.comment) && before.comment.startsWith("named only by")) {
            before.comment = attribute.comment;
            before.toIds = attribute.toIds;
        }
    }

    private static String cveComment(CveContext context) {
        if (context == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (context.cvss() != null) {
            parts.add("CVSS " + context.cvss().score() + (context.cvss().version() == null ? "" : " (v" + context.cvss().version() + ")"));
        }
        if (context.epss() != null) {
            parts.add("EPSS " + context.epss().probability());
        }
        if (context.kev() != null) {
            parts.add("in CISA KEV" + (context.kev().dateAdded() == null ? "" : " since " + context.kev().dateAdded()));
        }
        return line(String.join("; ", parts));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** The tag names with their colours, in order: TLP, event type, ATT&CK ids. */
    private static Map<String, String> tags(DigestItem item, String tlp) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (tlp != null) {
            String name = tlp.strip().toLowerCase(Locale.ROOT);
            String colour = TLP_COLOURS.get(name);
            if (colour == null) {
                throw new IllegalArgumentException("not a TLP label of the MISP tlp taxonomy: " + tlp);
            }
            tags.put(name, colour);
        }
        String kind = item.eventType() == null ? null : item.eventType().strip().toLowerCase(Locale.ROOT);
        if (kind != null && EVENT_TYPE.matcher(kind).matches()) {
            tags.put(TAG_NAMESPACE + ":event-type=\"" + kind + "\"", DEFAULT_TAG_COLOUR);
        }
        for (Ioc ioc : item.iocs() == null ? List.<Ioc>of() : item.iocs()) {
            if (ioc == null || ioc.type() == null || ioc.value() == null || !ATTACK_PREDICATES.containsKey(ioc.type())) {
                continue;
            }
            String id = ioc.value().strip().toUpperCase(Locale.ROOT);
            if (ATTACK_IDS.get(ioc.type()).matcher(id).matches()) {
                tags.put(TAG_NAMESPACE + ":" + ATTACK_PREDICATES.get(ioc.type()) + "=\"" + id + "\"", DEFAULT_TAG_COLOUR);
            }
        }
        return tags;
    }

    private static String threatLevel(DigestItem item, Collection<Pending> attributes) {
        boolean kev = item.cveContexts().stream().anyMatch(c -> c != null && c.kev() != null);
        if (item.actionRequired() || kev) {
            return "1";
        }
        boolean severe = item.cveContexts().stream().anyMatch(c -> c != null && c.cvss() != null && c.cvss().score() >= 7.0);
        boolean indicators = attributes.stream().anyMatch(a -> a.toIds);
        if (severe || indicators || (item.eventType() != null && SERIOUS.contains(item.eventType()))) {
            return "2";
        }
        return "3";
    }

    /** The translated title, else the original one, else the URL: one line of at most {@link #INFO_MAX} characters. */
    private static String info(DigestItem item) {
        for (String candidate : new String[] {item.title(), item.originalTitle(), item.url()}) {
            String text = candidate == null ? "" : line(candidate);
            if (!text.isEmpty()) {
                return text.codePointCount(0, text.length()) <= INFO_MAX ? text
                        : text.substring(0, text.offsetByCodePoints(0, INFO_MAX - 1)).strip() + "…";
            }
        }
        return "(untitled story)";
    }

    /** The value as MISP stores it for this type, or null when MISP would refuse it. */
    static String normalise(String type, String raw) {
        String value = line(raw);
        if (value.isEmpty()) {
            return null;
        }
        switch (type) {
            case "ip-dst" -> {
                if (value.contains("%") || value.contains("/") || !InetAddresses.isInetAddress(value)) {
                    return null;
                }
                InetAddress address = InetAddresses.forString(value);
                return InetAddresses.toAddrString(address);
            }
            case "domain" -> {
                String host = value.toLowerCase(Locale.ROOT).replaceAll("^\\.+|\\.+$", "");
                try {
                    host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                return DOMAIN.matcher(host).matches() ? host : null;
            }
            case "url" -> {
                return value.chars().anyMatch(Character::isWhitespace) ? null : value;
            }
            case "email-src" -> {
                String address = value.toLowerCase(Locale.ROOT);
                return ADDRESS.matcher(address).matches() ? address : null;
            }
            case "jabber-id" -> {
                return ADDRESS.matcher(value).matches() ? value : null;
            }
            case "vulnerability" -> {
                String id = value.replace('–', '-').toUpperCase(Locale.ROOT);
                return CVE.matcher(id).matches() ? id : null;
            }
            default -> {
                Integer length = HASH_LENGTHS.get(type);
                if (length != null) {
                    String hash = value.toLowerCase(Locale.ROOT);
                    return hash.length() == length && HEX.matcher(hash).matches() ? hash : null;
                }
                return value;
            }
        }
    }

    /**
     * A link as MISP's {@code link} validation takes it (PHP's FILTER_VALIDATE_URL, scheme required): http(s) only, and
     * every character outside printable ASCII, or not allowed in a URI, percent-encoded as UTF-8.
     */
    static String link(String url) {
        if (url == null) {
            return null;
        }
        String plain = line(url);
        String lower = plain.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || plain.length() <= lower.indexOf("//") + 2) {
            return null;
        }
        StringBuilder out = new StringBuilder(plain.length());
        for (byte b : plain.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean allowed = c > 0x20 && c < 0x7f && "\"<>\\^`{|} ".indexOf(c) < 0;
            if (allowed) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** One line: controls, line and paragraph separators as spaces, runs of spaces as one, no lone surrogate, stripped. */
    static String line(String raw) {
        return text(raw).replaceAll("[\\s\\u2028\\u2029\\u0085]+", " ").strip();
    }

    /** Text as it may stand in a value: lone surrogates as U+FFFD, controls other than tab and newline left out. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\r') {
                out.append(i + 1 < raw.length() && raw.charAt(i + 1) == '\n' ? "" : "\n");
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String canonicalUuid(String uuid, String what) {
        if (uuid == null || !uuid.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("not a uuid (" + what + "): " + uuid);
        }
        return uuid.toLowerCase(Locale.ROOT);
    }

    /** RFC 4122 section 4.3: a name-based UUID, version 5 (SHA-1). */
    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
