package dev.newsdigest.intel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Test tool: validates STIX 2.1 objects and bundles against the OASIS STIX 2.1 JSON schemas (JSON Schema 2020-12),
 * copied unchanged into src/test/resources/stix2-schemas (see PROVENANCE.md there).
 *
 * <p>The schemas name each other by http://raw.githubusercontent.com/... {@code $id}s and relative {@code $ref}s; the
 * registry maps that prefix to the classpath copies and never fetches anything remote. {@code format} is asserted (it
 * is only an annotation in 2020-12 by default), so the email, idn-hostname and uri formats the schemas use are checked;
 * {@code pattern} always is (ids, timestamps).
 */
public final class StixSchemas {

    /** The prefix of every {@code $id} in the OASIS schemas (stix2.1 branch). */
    public static final String ID_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    /** Where the copies are. */
    public static final String CLASSPATH_PREFIX = "classpath:stix2-schemas/schemas/";

    private static final String RESOURCE_DIR = "/stix2-schemas/schemas/";
    /** Object types, looked up in this order; of common/ only the schemas of real top-level objects. */
    private static final List<String> TYPE_DIRS = List.of("sdos", "sros", "observables");
    private static final Set<String> COMMON_TYPES = Set.of("bundle", "marking-definition", "language-content",
            "extension-definition");
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .locale(Locale.ENGLISH)
                            .pathType(PathType.JSON_PATH)
                            .build())
                    .schemaLoader(loader -> loader
                            .fetchRemoteResources(false)
                            .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX))));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private StixSchemas() {
    }

    /**
     * Validates one STIX object against the schema of its {@code type} (sdos/, sros/, observables/, or common/ for
     * bundle, marking-definition, language-content and extension-definition). Each error reads
     * "{@code <instance path>: <message>} [<keyword>]", e.g. {@code $: required property 'published' not found
     * [required]}; an empty list means valid. An object without a string {@code type}, or of a type no schema
     * describes, is an error.
     */
    public static List<String> errors(JsonNode object) {
        if (object == null || !object.isObject()) {
            return List.of("$: not a JSON object");
        }
        JsonNode type = object.get("type");
        if (type == null || !type.isTextual()) {
            return List.of("$.type: missing, or not a string");
        }
        Schema schema = schemaOf(type.asText());
        if (schema == null) {
            return List.of("$.type: unknown STIX type '" + type.asText() + "': no schema for it");
        }
        return validate(schema, object);
    }

    /** {@link #errors(JsonNode)} of a JSON text. */
    public static List<String> errors(String json) {
        return errors(read(json));
    }

    /**
     * Validates a bundle: the bundle itself ({@code type}, {@code id}, {@code objects} a non-empty array) against
     * common/bundle.json, then every object in {@code objects} with {@link #errors(JsonNode)}, each of those errors
     * prefixed with the object's id ("{@code indicator--...: $.valid_from: ...}"), or with "{@code objects[i]}" when
     * it has no textual id. The bundle schema's own verdicts on the objects (a oneOf over every type) are left out:
     * the per-object errors say the same, readably.
     */
    public static List<String> bundleErrors(JsonNode bundle) {
        if (bundle == null || !bundle.isObject()) {
            return List.of("$: not a JSON object");
        }
        List<String> errors = new ArrayList<>();
        for (Error error : schemaOf("bundle").validate(bundle.toString(), InputFormat.JSON)) {
            if (!error.getInstanceLocation().toString().startsWith("$.objects[")) {
                errors.add(describe(error));
            }
        }
        JsonNode objects = bundle.get("objects");
        if (objects != null && objects.isArray()) {
            for (int i = 0; i < objects.size(); i++) {
                JsonNode object = objects.get(i);
                JsonNode id = object.get("id");
                String prefix = id != null && id.isTextual() ? id.asText() : "objects[" + i + "]";
                for (String error : errors(object)) {
                    errors.add(prefix + ": " + error);
                }
            }
        }
        return errors;
    }

    /** {@link #bundleErrors(JsonNode)} of a JSON text. */
    public static List<String> bundleErrors(String json) {
        return bundleErrors(read(json));
    }

    private static Schema schemaOf(String type) {
        if (!TYPE_NAME.matcher(type).matches()) {
            return null;
        }
        String path = null;
        for (String dir : TYPE_DIRS) {
            if (StixSchemas.class.getResource(RESOURCE_DIR + dir + "/" + type + ".json") != null) {
                path = dir + "/" + type + ".json";
                break;
            }
        }
        if (path == null && COMMON_TYPES.contains(type)) {
            path = "common/" + type + ".json";
        }
        if (path == null) {
            return null;
        }
        return SCHEMAS.computeIfAbsent(path, p -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + p)));
    }

    private static List<String> validate(Schema schema, JsonNode object) {
        // the validator reads Jackson 3 trees: hand it the text
        return schema.validate(object.toString(), InputFormat.JSON).stream().map(StixSchemas::describe).toList();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage() + " [" + error.getKeyword() + "]";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
