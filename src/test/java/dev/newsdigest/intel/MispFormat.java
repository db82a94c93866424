package dev.newsdigest.intel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.net.InetAddresses;

/**
 * A checker of MISP feed files, written from the specification and the generators, not from {@link MispEvents}:
 * <ul>
 * <li>the MISP core format draft (MISP/misp-rfc {@code misp-core-format/raw.md}, draft-18): each field's JSON type and
 * form, its sections Event, Attribute, Tag and Manifest, the JSON Schema's property lists (its objects are
 * {@code additionalProperties: false}); summarised in {@code src/test/resources/misp/core-format-fields.json};</li>
 * <li>the feed form of PyMISP ({@code MISPEvent.to_feed()}, {@code _fields_for_feed}, {@code manifest},
 * {@code MISPAttribute.hash_values}, {@code tools/feed.py}) and {@code examples/feed-generator/generate.py}: which fields
 * a feed event, its manifest entry and its hashes.csv lines have (the same file, key {@code feed});</li>
 * <li>PyMISP's {@code pymisp/data/describeTypes.json}: the attribute types, the categories and which types each category
 * allows;</li>
 * <li>MISP's {@code AttributeValidationTool} ({@code validate} and {@code modifyBeforeValidation}): which values MISP
 * takes for the types a news feed uses, and in which normal form it stores them;</li>
 * <li>MISP/misp-taxonomies {@code tlp/machinetag.json}: the TLP tags and their colours.</li>
 * </ul>
 * Each method returns the errors found, one sentence each; none means the input passed.
 */
public final class MispFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DESCRIBE = load("describeTypes.json").path("result");
    private static final JsonNode FIELDS = load("core-format-fields.json");
    private static final JsonNode TLP = load("tlp-machinetag.json");

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Seconds since the epoch, in decimal: no sign, no leading zero. */
    private static final Pattern EPOCH = Pattern.compile("0|[1-9]\\d{0,18}");
    private static final Pattern UNSIGNED = EPOCH;
    private static final Pattern RGB = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern HASH_LINE = Pattern.compile("([0-9a-f]{32}),(.*)");

    /** AttributeValidationTool::HASH_HEX_LENGTH, for the hash types. */
    private static final Map<String, Integer> HASH_HEX_LENGTH = Map.ofEntries(Map.entry("authentihash", 64), Map.entry("md5", 32),
            Map.entry("imphash", 32), Map.entry("sha1", 40), Map.entry("sha224", 56), Map.entry("sha256", 64), Map.entry("sha384", 96),
            Map.entry("sha512", 128), Map.entry("sha512/224", 56), Map.entry("sha512/256", 64), Map.entry("sha3-224", 56),
            Map.entry("sha3-256", 64), Map.entry("sha3-384", 96), Map.entry("sha3-512", 128), Map.entry("pehash", 40));
    /** AttributeValidationTool::isDomainValid. */
    private static final Pattern DOMAIN = Pattern.compile("^[A-Z0-9.\\-_]+\\.[A-Z0-9\\-]{2,}$", Pattern.CASE_INSENSITIVE);
    /** AttributeValidationTool::validate for email, email-src, email-dst, jabber-id... */
    private static final Pattern EMAIL = Pattern.compile("^.[^\\s]*@.*\\..*$", Pattern.CASE_INSENSITIVE);
    /** AttributeValidationTool::validate for vulnerability. */
    private static final Pattern VULNERABILITY = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");
    /** The types MISP lower-cases before validating (modifyBeforeValidation): a feed value not so would differ from MISP's. */
    private static final Set<String> LOWER_CASED = Set.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512/224",
            "sha512/256", "sha3-224", "sha3-256", "sha3-384", "sha3-512", "hostname", "domain", "pehash", "authentihash", "imphash",
            "email", "email-src", "email-dst", "target-email", "whois-registrant-email");
    /** Types whose value AttributeValidationTool::validate refuses when it has a new line. */
    private static final Set<String> ONE_LINE = Set.of("url", "uri", "user-agent", "filename", "target-user", "target-org",
            "target-machine", "target-location", "target-external", "campaign-name", "campaign-id", "threat-actor", "email-subject",
            "malware-type", "regkey", "whois-registrant-name", "whois-registrant-org", "whois-registrar", "github-username",
            "github-repository", "github-organisation", "twitter-id", "chrome-extension-id", "mobile-application-id");
    /** Characters PHP's FILTER_VALIDATE_URL refuses (it takes printable ASCII only, and not these). */
    private static final String NOT_IN_URL = "\"<>\\^`{|} ";

    private MispFormat() {
    }

    private static JsonNode load(String name) {
        try (InputStream in = MispFormat.class.getResourceAsStream("/misp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /misp/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The TLP taxonomy's tags ({@code tlp:amber}) and their colours. */
    public static Map<String, String> tlpColours() {
        Map<String, String> colours = new LinkedHashMap<>();
        for (JsonNode predicate : TLP.path("predicates")) {
            colours.put(TLP.path("namespace").asText() + ":" + predicate.path("value").asText(), predicate.path("colour").asText());
        }
        return colours;
    }

    /** describeTypes' default category and to_ids of a type, or null for an unknown type. */
    public static JsonNode saneDefaults(String type) {
        return DESCRIBE.path("sane_defaults").get(type);
    }

    /** The errors of one event file, {@code {"Event": {...}}}. */
    public static List<String> eventErrors(JsonNode eventFile) {
        List<String> errors = new ArrayList<>();
        if (eventFile == null || !eventFile.isObject()) {
            errors.add("the event file is not a JSON object");
            return errors;
        }
        // PyMISP to_feed() returns {'Event': to_return}; generate.py writes event['Event'] under the same key.
        List<String> roots = names(eventFile);
        if (!roots.equals(List.of("Event"))) {
            errors.add("the event file's keys are " + roots + ", not [Event]");
        }
        JsonNode event = eventFile.get("Event");
        if (event == null || !event.isObject()) {
            errors.add("Event is not an object");
            return errors;
        }
        String where = "Event";
        object(errors, where, event, FIELDS.path("event"), FIELDS.path("feed").path("event"));
        // draft, publish_timestamp: "If the event was never published, the published_timestamp MUST be set to 0"; a
        // published event has been published at some time.
        if (event.path("published").asBoolean(false) && "0".equals(event.path("publish_timestamp").asText())) {
            errors.add("Event is published but its publish_timestamp is 0");
        }
        JsonNode orgc = event.get("Orgc");
        if (orgc != null && orgc.isObject()) {
            object(errors, "Event.Orgc", orgc, FIELDS.path("org"), FIELDS.path("feed").path("orgc"));
            if (orgc.path("name").asText("").isBlank()) {
                errors.add("Event.Orgc.name is empty");
            }
        }
        tags(errors, "Event.Tag", event.get("Tag"));
        JsonNode attributes = event.get("Attribute");
        if (attributes != null && attributes.isArray()) {
            if (attributes.isEmpty()) {
                // to_feed() writes Attribute only `if self.attributes`
                errors.add("Event.Attribute is written but empty");
            }
            Set<String> uuids = new HashSet<>();
            uuids.add(event.path("uuid").asText().toLowerCase(Locale.ROOT));
            Set<String> triplets = new HashSet<>();
            long eventTime = epoch(event.path("timestamp").asText());
            for (int i = 0; i < attributes.size(); i++) {
                attribute(errors, "Event.Attribute[" + i + "]", attributes.get(i), uuids, triplets, eventTime);
            }
        }
        return errors;
    }

    private static void attribute(List<String> errors, String where, JsonNode attribute, Set<String> uuids, Set<String> triplets, long eventTime) {
        if (attribute == null || !attribute.isObject()) {
            errors.add(where + " is not an object");
            return;
        }
        object(errors, where, attribute, FIELDS.path("attribute"), FIELDS.path("feed").path("attribute"));
        String uuid = attribute.path("uuid").asText("").toLowerCase(Locale.ROOT);
        if (!uuid.isEmpty() && !uuids.add(uuid)) {
            errors.add(where + ".uuid " + uuid + " is not unique in the event");
        }
        String type = attribute.path("type").asText(null);
        String category = attribute.path("category").asText(null);
        String value = attribute.path("value").asText(null);
        if (type != null && !contains(DESCRIBE.path("types"), type)) {
            errors.add(where + ".type '" + type + "' is not a MISP attribute type (describeTypes types)");
        }
        if (category != null && !contains(DESCRIBE.path("categories"), category)) {
            errors.add(where + ".category '" + category + "' is not a MISP category (describeTypes categories)");
        } else if (category != null && type != null && !contains(DESCRIBE.path("category_type_mappings").path(category), type)) {
            // draft: type "MUST be a valid selection for the chosen category"
            errors.add(where + ": type '" + type + "' is not valid in category '" + category + "' (describeTypes category_type_mappings)");
        }
        if (type != null && value != null) {
            String problem = valueError(type, value);
            if (problem != null) {
                errors.add(where + ".value: " + problem);
            }
            if (category != null && !triplets.add(type + "\n" + category + "\n" + value)) {
                errors.add(where + ": the same type, category and value twice in the event (MISP refuses the second)");
            }
        }
        if (attribute.path("to_ids").isBoolean() && attribute.path("to_ids").asBoolean() && Set.of("text", "comment", "link", "other").contains(type)) {
            errors.add(where + ": to_ids is true for a " + type + ", which is no indicator (describeTypes sane_defaults to_ids 0)");
        }
        if (("malware-sample".equals(type) || "attachment".equals(type)) && !attribute.path("data").isTextual()) {
            errors.add(where + ": a " + type + " needs data (draft: data MUST be set)");
        }
        long time = epoch(attribute.path("timestamp").asText(""));
        if (time >= 0 && eventTime >= 0 && time > eventTime) {
            // draft, Event timestamp: the time the event "or one of the attributes within the event" was last updated
            errors.add(where + ".timestamp is later than the event's");
        }
        tags(errors, where + ".Tag", attribute.get("Tag"));
    }

    /**
     * Why MISP would refuse this value for this type, or store it otherwise than written (AttributeValidationTool), or
     * null when it takes it as it is. Types beyond those a news feed uses are checked for new lines only where MISP does.
     */
    public static String valueError(String type, String value) {
        if (value.isEmpty()) {
            return "empty";
        }
        if (LOWER_CASED.contains(type) && !value.equals(value.toLowerCase(Locale.ROOT))) {
            return "MISP stores a " + type + " in lower case";
        }
        Integer hexLength = HASH_HEX_LENGTH.get(type);
        if (hexLength != null) {
            return value.length() == hexLength && value.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? null
                    : "a " + type + " is " + hexLength + " hexadecimal characters";
        }
        switch (type) {
            case "ip-src", "ip-dst" -> {
                String address = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
                if (address.contains("%") || !InetAddresses.isInetAddress(address)) {
                    return "not an IP address";
                }
                if (address.contains(":") && !address.equals(InetAddresses.toAddrString(InetAddresses.forString(address)))) {
                    return "MISP stores an IPv6 address compressed (inet_ntop): " + InetAddresses.toAddrString(InetAddresses.forString(address));
                }
                return null;
            }
            case "domain", "hostname" -> {
                if (value.startsWith(".") || value.endsWith(".")) {
                    return "MISP trims the dots of a domain";
                }
                return DOMAIN.matcher(value).matches() ? null : "not a domain as MISP takes one";
            }
            case "email", "email-src", "email-dst", "target-email", "whois-registrant-email", "dns-soa-email", "jabber-id", "eppn" -> {
                return EMAIL.matcher(value).matches() && !value.contains("\n") ? null : "not an address as MISP takes one";
            }
            case "vulnerability" -> {
                return VULNERABILITY.matcher(value).matches() ? null : "not CVE-YYYY-NNNN (upper case)";
            }
            case "link" -> {
                String lower = value.toLowerCase(Locale.ROOT);
                int scheme = lower.indexOf("://");
                if (scheme <= 0 || !lower.substring(0, scheme).matches("[a-z][a-z0-9+.-]*") || value.length() == scheme + 3) {
                    return "a link needs a scheme and a host (FILTER_VALIDATE_URL, scheme required)";
                }
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c <= 0x20 || c >= 0x7f || NOT_IN_URL.indexOf(c) >= 0) {
                        return "a link has a character FILTER_VALIDATE_URL refuses at " + i;
                    }
                }
                return null;
            }
            default -> {
                return ONE_LINE.contains(type) && value.contains("\n") ? "a " + type + " must not contain a new line" : null;
            }
        }
    }

    /**
     * The errors of {@code manifest.json} against the event files it indexes, keyed by their uuids: one entry per event,
     * keyed by its uuid, with the fields the generators write, each as in the event.
     */
    public static List<String> manifestErrors(JsonNode manifest, Map<String, JsonNode> eventsByUuid) {
        List<String> errors = new ArrayList<>();
        if (manifest == null || !manifest.isObject()) {
            errors.add("the manifest is not a JSON object");
            return errors;
        }
        for (Map.Entry<String, JsonNode> file : eventsByUuid.entrySet()) {
            String uuid = file.getValue().path("Event").path("uuid").asText();
            if (!file.getKey().equals(uuid)) {
                errors.add("the event file " + file.getKey() + " holds the event " + uuid);
            }
            if (!manifest.has(file.getKey())) {
                errors.add("the manifest has no entry for the event " + file.getKey());
            }
        }
        List<String> entryFields = strings(FIELDS.path("feed").path("manifestEntry"));
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = "manifest[" + entry.getKey() + "]";
            if (!UUID.matcher(entry.getKey()).matches()) {
                errors.add(where + ": the key is not a uuid");
            }
            JsonNode file = eventsByUuid.get(entry.getKey());
            if (file == null) {
                errors.add(where + ": no event file for this entry");
                continue;
            }
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                errors.add(where + " is not an object");
                continue;
            }
            for (String name : names(value)) {
                if (!entryFields.contains(name) && !FIELDS.path("manifest").has(name)) {
                    errors.add(where + " has the key " + name + ", which no generator writes");
                }
            }
            JsonNode event = file.path("Event");
            for (String field : entryFields) {
                if (!value.has(field)) {
                    errors.add(where + " has no " + field);
                    continue;
                }
                JsonNode found = field.equals("Tag") ? manifestTags(value.get(field)) : value.get(field);
                JsonNode expected = field.equals("Tag") ? manifestTags(event.path("Tag")) : event.path(field);
                // MISP's feeds (and the draft's sample manifest) carry analysis, threat_level_id and timestamp as strings,
                // as in the event; newer PyMISP (MISPEvent.manifest) as JSON numbers of the same value.
                boolean sameNumber = found.isIntegralNumber() && expected.isTextual() && found.asText().equals(expected.asText())
                        && List.of("analysis", "threat_level_id", "timestamp").contains(field);
                if (!found.equals(expected) && !sameNumber) {
                    errors.add(where + "." + field + " is " + found + " but the event's is " + expected);
                }
            }
        }
        return errors;
    }

    /** The event's tags as the manifest lists them: name and colour only (generate.py __addEventToManifest, PyMISP manifest). */
    private static JsonNode manifestTags(JsonNode tags) {
        var list = JSON.createArrayNode();
        for (JsonNode tag : tags) {
            var copy = list.addObject();
            for (String field : strings(FIELDS.path("feed").path("manifestTag"))) {
                copy.set(field, tag.path(field));
            }
        }
        return list;
    }

    /** The lines {@code hashes.csv} must have for these events: {@code md5,event uuid} per value (part). */
    public static List<String> expectedHashLines(JsonNode eventFile) {
        List<String> lines = new ArrayList<>();
        JsonNode event = eventFile.path("Event");
        List<JsonNode> attributes = new ArrayList<>();
        event.path("Attribute").forEach(attributes::add);
        event.path("Object").forEach(o -> o.path("Attribute").forEach(attributes::add));
        for (JsonNode attribute : attributes) {
            String type = attribute.path("type").asText();
            String value = attribute.path("value").asText();
            // MISPAttribute.hash_values: `if '|' in self.type or self.type == 'malware-sample'`: each part of value.split('|')
            String[] parts = type.contains("|") || type.equals("malware-sample") ? value.split("\\|", -1) : new String[] {value};
            for (String part : parts) {
                lines.add(md5(part) + "," + event.path("uuid").asText());
            }
        }
        return lines;
    }

    /** The errors of the lines of {@code hashes.csv}: each attribute value of each event has its line, and no other line is there. */
    public static List<String> hashesErrors(List<String> csvLines, Map<String, JsonNode> events) {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> expected = new TreeMap<>();
        for (JsonNode file : events.values()) {
            for (String line : expectedHashLines(file)) {
                expected.merge(line, 1, Integer::sum);
            }
        }
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < csvLines.size(); i++) {
            String line = csvLines.get(i);
            var m = HASH_LINE.matcher(line);
            if (!m.matches() || !UUID.matcher(m.group(2)).matches()) {
                errors.add("hashes.csv line " + (i + 1) + " is not <md5 hex>,<event uuid>: " + abbreviate(line));
                continue;
            }
            found.merge(line, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> line : expected.entrySet()) {
            int count = found.getOrDefault(line.getKey(), 0);
            if (count != line.getValue()) {
                errors.add("hashes.csv has " + count + " of the line " + line.getKey() + ", expected " + line.getValue());
            }
        }
        for (String line : found.keySet()) {
            if (!expected.containsKey(line)) {
                errors.add("hashes.csv has the line " + line + ", which no attribute gives");
            }
        }
        return errors;
    }

    // --- generic checks --------------------------------------------------------------------------------------------

    /** Keys known to the draft, the fields the feed form always has, and each present field's JSON type and form. */
    private static void object(List<String> errors, String where, JsonNode node, JsonNode spec, JsonNode feedFields) {
        for (String name : names(node)) {
            if (!spec.has(name)) {
                errors.add(where + " has the key " + name + ", which the MISP core format does not define");
            }
        }
        for (String required : strings(feedFields)) {
            if (!node.has(required)) {
                errors.add(where + " has no " + required);
            }
        }
        for (String name : names(node)) {
            JsonNode field = spec.get(name);
            if (field != null) {
                field(errors, where + "." + name, node.get(name), field);
            }
        }
    }

    private static void field(List<String> errors, String where, JsonNode value, JsonNode spec) {
        String json = spec.path("json").asText();
        boolean typed = switch (json) {
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
        if (!typed) {
            errors.add(where + " is " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ", the draft has it a JSON " + json);
            return;
        }
        String form = spec.path("form").asText("");
        String text = value.isTextual() ? value.asText() : null;
        switch (form) {
            case "uuid" -> check(errors, where, text != null && UUID.matcher(text).matches(), "is not an RFC 4122 uuid");
            case "uuid-or-empty" -> check(errors, where, text != null && (text.isEmpty() || UUID.matcher(text).matches()), "is neither empty nor a uuid");
            case "epoch" -> check(errors, where, text != null && EPOCH.matcher(text).matches() && epoch(text) >= 0,
                    "is not seconds since the epoch in decimal");
            case "unsigned" -> check(errors, where, text != null && UNSIGNED.matcher(text).matches(), "is not an unsigned integer");
            case "date" -> check(errors, where, text != null && isDate(text), "is not a date YYYY-MM-DD");
            case "info" -> {
                check(errors, where, text != null && !text.isBlank(), "is empty");
                check(errors, where, text != null && text.codePointCount(0, text.length()) <= 256, "is longer than 256 characters (draft: SHOULD NOT)");
                check(errors, where, text != null && text.chars().noneMatch(c -> c == '\n' || c == '\r'), "has a new line (draft: SHOULD NOT)");
            }
            case "rgb" -> check(errors, where, text != null && RGB.matcher(text).matches(), "is not an RGB colour #rrggbb");
            case "type", "category", "org", "attribute", "tag", "iso8601", "base64", "" -> {
                // checked where the object is
            }
            default -> check(errors, where, text != null && List.of(form.split("\\|")).contains(text), "is not one of " + form);
        }
    }

    private static void tags(List<String> errors, String where, JsonNode tags) {
        if (tags == null) {
            return;
        }
        if (!tags.isArray()) {
            errors.add(where + " is not an array");
            return;
        }
        Map<String, String> tlp = tlpColours();
        Set<String> names = new HashSet<>();
        int tlpTags = 0;
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            String at = where + "[" + i + "]";
            if (!tag.isObject()) {
                errors.add(at + " is not an object");
                continue;
            }
            object(errors, at, tag, FIELDS.path("tag"), FIELDS.path("feed").path("tag"));
            String name = tag.path("name").asText("");
            if (name.isBlank()) {
                errors.add(at + ".name is empty");
            }
            if (!names.add(name)) {
                errors.add(at + ": the tag " + name + " twice (the schema's uniqueItems)");
            }
            if (name.toLowerCase(Locale.ROOT).startsWith("tlp:")) {
                tlpTags++;
                String colour = tlp.get(name);
                if (colour == null) {
                    errors.add(at + ": " + name + " is not a tag of the tlp taxonomy");
                } else if (!colour.equalsIgnoreCase(tag.path("colour").asText())) {
                    errors.add(at + ": " + name + " has the colour " + tag.path("colour").asText() + ", the taxonomy's is " + colour);
                }
            }
            if (name.contains("\n") || name.contains("\r")) {
                errors.add(at + ".name has a new line");
            }
        }
        if (tlpTags > 1) {
            errors.add(where + " has " + tlpTags + " TLP tags; the tlp taxonomy is exclusive");
        }
    }

    private static void check(List<String> errors, String where, boolean ok, String problem) {
        if (!ok) {
            errors.add(where + " " + problem);
        }
    }

    private static boolean isDate(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static long epoch(String text) {
        try {
            return EPOCH.matcher(text).matches() ? Long.parseLong(text) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
