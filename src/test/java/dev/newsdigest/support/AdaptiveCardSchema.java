package dev.newsdigest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

/**
 * Test tool: validates an Adaptive Card against Microsoft's published JSON schema, copied into
 * {@code src/test/resources/adaptive-card/} with its licence (its {@code PROVENANCE.md} says from where, and what the
 * schema does and does not cover). Nothing is fetched.
 */
public final class AdaptiveCardSchema {
    private static final Schema SCHEMA = load();

    private AdaptiveCardSchema() {
    }

    /**
     * The schema says {@code "$schema": draft-06} but names itself with draft-04's {@code id}, which draft-06 renamed
     * {@code $id}, and which the validator refuses under draft-06: it is read as {@code $id}, in memory; the file stays
     * as Microsoft wrote it.
     */
    private static Schema load() {
        try (var in = AdaptiveCardSchema.class.getResourceAsStream("/adaptive-card/adaptive-card.json")) {
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            schema.set("$id", schema.remove("id"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6, registry -> registry
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH).pathType(PathType.JSON_PATH).build())
                            .schemaLoader(loader -> loader.fetchRemoteResources(false)))
                    .getSchema(schema.toString(), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong in {@code card} ("{@code <path>: <message> [<keyword>]}"); empty: valid. */
    public static List<String> errors(JsonNode card) {
        // the validator reads Jackson 3 trees: hand it the text
        return SCHEMA.validate(card.toString(), InputFormat.JSON).stream().map(AdaptiveCardSchema::describe).toList();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage() + " [" + error.getKeyword() + "]";
    }
}
