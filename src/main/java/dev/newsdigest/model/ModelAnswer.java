package dev.newsdigest.model;


import java.util.List;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/** What the model answers for one article, and the JSON schema it is held to. */
public record ModelAnswer(String title, List<String> summary, List<Ioc> iocs, List<String> recommendations,
                          List<String> notes, List<String> aiRecommendations, Boolean actionRequired, String actionReason,
                          List<String> vendors, List<String> products, List<Victim> victims, List<String> actors, List<String> malware, String eventType,
                          String eventKey, String eventMonth) {

    /** The kinds of event a story is about. */
    public static final java.util.List<String> EVENT_TYPES = java.util.List.of("breach", "ransomware", "vulnerability-exploited",
            "vulnerability-disclosed", "patch", "arrest", "other");

    /**
     * The event keys the schema and the prompt give as examples, and the schema's own wording: a small model copies them,
     * so they never tell two articles apart or together ({@code story.StoryFacts}).
     */
    public static final java.util.Set<String> EXAMPLE_EVENT_KEYS = java.util.Set.of("siemens-energy|data-breach|moveit",
            "fortinet|vulnerability-exploited|cve-2025-64446", "victim-or-vendor|event|distinguishing-detail", "eventkey", "event-key");

    /** The strict JSON schema sent as {@code response_format}. */
    public static final ResponseFormat FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("article_summary").rootElement(schema()).build())
            .build();

    private static JsonObjectSchema schema() {
        JsonArraySchema strings = JsonArraySchema.builder().items(new JsonStringSchema()).build();
        JsonObjectSchema ioc = JsonObjectSchema.builder()
                .addProperty("type", JsonEnumSchema.builder().enumValues(Ioc.TYPES).build())
                .addStringProperty("value", "the indicator exactly as written in the article")
                .required("type", "value")
                .additionalProperties(false)
                .build();
        return JsonObjectSchema.builder()
                .addStringProperty("title", "the article title, translated into the output language")
                .addProperty("summary", JsonArraySchema.builder().description("3 to 5 short points").items(new JsonStringSchema()).build())
                .addProperty("iocs", JsonArraySchema.builder().description("indicators that occur in the article text").items(ioc).build())
                .addProperty("recommendations", JsonArraySchema.builder().description("what the article itself recommends").items(new JsonStringSchema()).build())
                .addProperty("notes", JsonArraySchema.builder()
                        .description("is it a vulnerability or an attack already under way; what is known of the attacker")
                        .items(new JsonStringSchema()).build())
                .addProperty("aiRecommendations", strings)
                .addBooleanProperty("actionRequired", "true when readers should act now, e.g. an exploited flaw in common software")
                .addStringProperty("actionReason", "why action is required; empty when it is not")
                .addProperty("vendors", JsonArraySchema.builder()
                        .description("vendors whose products the article is about, each exactly as written in the article").items(new JsonStringSchema()).build())
                .addProperty("products", JsonArraySchema.builder()
                        .description("affected products, each exactly as written in the article").items(new JsonStringSchema()).build())
                .addProperty("victims", JsonArraySchema.builder()
                        .description("organisations the article says were attacked or breached").items(JsonObjectSchema.builder()
                                .addStringProperty("name", "the organisation's name in English")
                                .addStringProperty("original", "the name exactly as the article writes it, in its script")
                                .required("name", "original").additionalProperties(false).build()).build())
                .addProperty("actors", JsonArraySchema.builder()
                        .description("attacker groups and malware families, each exactly as written in the article").items(new JsonStringSchema()).build())
                .addProperty("malware", JsonArraySchema.builder()
                        .description("those of the actors that are malware families, not groups").items(new JsonStringSchema()).build())
                .addStringProperty("eventMonth", "the month the event happened, YYYY-MM, as the article states or implies it; "
                        + "empty when it does not say")
                .addProperty("eventType", JsonEnumSchema.builder().enumValues(EVENT_TYPES).build())
                .addStringProperty("eventKey", "an English canonical key of the event: victim-or-vendor|event|distinguishing detail, "
                        + "lower case, e.g. siemens-energy|data-breach|moveit or fortinet|vulnerability-exploited|cve-2025-64446")
                .required("title", "summary", "iocs", "recommendations", "notes", "aiRecommendations", "actionRequired", "actionReason",
                        "vendors", "products", "victims", "actors", "malware", "eventType", "eventKey", "eventMonth")
                .additionalProperties(false)
                .build();
    }
}
