package dev.newsdigest.summarize;

import dev.newsdigest.model.ModelAnswer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import dev.newsdigest.model.EnrichedArticle;
import dev.newsdigest.model.Article;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Summarises one article with one model call: a strict JSON schema as {@code response_format}, the article
 * passed as delimited untrusted data, the answer validated, and every IOC grounded in the article text.
 * Failures are thrown; the route retries and then falls back to {@link OfflineSummarizer}.
 */
public class ModelSummarizer {
    private static final int MAX_TITLE = 200;
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_ENTRY = 500;

    private final ChatModel model;
    private final String modelName;
    private final Prompts prompts;
    private final int maxInputChars;
    private final IocExtractor iocs;
    /** Made on first use: a run with nothing to do never loads Jackson. */
    private final com.google.common.base.Supplier<ObjectMapper> json = com.google.common.base.Suppliers.memoize(() -> new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    private final ModelGate gate;
    private final AnswerCache cache;

    public ModelSummarizer(ChatModel model, String modelName, Prompts prompts, int maxInputChars, IocExtractor iocs,
                           ModelGate gate, AnswerCache cache) {
        this.cache = cache;
        this.gate = gate;
        this.model = model;
        this.modelName = modelName;
        this.prompts = prompts;
        this.maxInputChars = maxInputChars;
        this.iocs = iocs;
    }

    /** Summarises one article; throws when the model fails, answers off-schema, or the article's time budget runs out. */
    public DigestItem summarize(EnrichedArticle enriched, long deadline) {
        Article a = enriched.article();
        String text = Sentences.truncate(enriched.text(), maxInputChars);
        String date = a.publishedAt() == null ? null : a.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompts.articleSystem()), UserMessage.from(prompts.articleUser(a.title(), date, text)))
                .responseFormat(ModelAnswer.FORMAT)
                .build();
        String input = prompts.articleSystem() + "\u0000" + prompts.articleUser(a.title(), date, text);
        java.util.Optional<String> cached = cache.get(input);
        ModelAnswer answer;
        TokenUsage usage;
        if (cached.isPresent()) {
            answer = parse(cached.get());
            usage = new TokenUsage(0, 0); // nothing spent: the answer was cached
        } else {
            ChatResponse response = gate.call(() -> model.chat(request), deadline, a.url());
            answer = parse(response.aiMessage().text());
            cache.put(input, response.aiMessage().text());
            usage = response.tokenUsage();
        }
        boolean action = Boolean.TRUE.equals(answer.actionRequired());
        String reason = action ? prose(answer.actionReason(), MAX_ENTRY) : null;
        return new DigestItem(a.feedId(), a.url(), a.title(), prose(answer.title(), MAX_TITLE), Items.iso(a.publishedAt()),
                list(answer.summary(), 5), grounded(answer.iocs(), text, IocExtractor.siteOfArticle(a.url())), list(answer.recommendations(), MAX_ENTRIES),
                list(answer.notes(), MAX_ENTRIES), list(answer.aiRecommendations(), MAX_ENTRIES),
                action, reason == null || reason.isEmpty() ? (action ? "" : null) : reason,
                "model:" + modelName, enriched.textSource(),
                new DigestItem.Usage(usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount()))
                .withEntities(Entities.grounded(answer.vendors(), text), Entities.grounded(answer.products(), text))
                .withEvent(Entities.victims(answer.victims(), text), Entities.grounded(answer.actors(), text),
                        Entities.eventType(answer.eventType()), Entities.eventKey(answer.eventKey()),
                        Entities.eventMonth(answer.eventMonth(), a.title() + "\n" + text, a.publishedAt()))
                .withMalware(Entities.malware(answer.malware(), Entities.grounded(answer.actors(), text)))
                .withCategories(a.categories());
    }

    ModelAnswer parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ModelAnswerException("empty answer");
        }
        String body = raw.strip();
        if (body.startsWith("```")) {
            body = body.replaceAll("^```(?:json)?\\s*|\\s*```$", "");
        }
        ModelAnswer answer;
        try {
            answer = json.get().readValue(body, ModelAnswer.class);
        } catch (JsonProcessingException e) {
            throw new ModelAnswerException("answer is not JSON of the schema: " + e.getOriginalMessage());
        }
        if (answer == null || answer.title() == null || answer.title().isBlank()) {
            throw new ModelAnswerException("answer has no title");
        }
        if (answer.summary() == null || answer.summary().stream().allMatch(s -> s == null || s.isBlank())) {
            throw new ModelAnswerException("answer has no summary");
        }
        if (answer.actionRequired() == null || answer.iocs() == null || answer.recommendations() == null
                || answer.notes() == null || answer.aiRecommendations() == null) {
            throw new ModelAnswerException("answer misses required fields");
        }
        return answer;
    }

    /** The union of the IOCs found by pattern in the text and those the model reported that occur in the text. */
    private List<Ioc> grounded(List<Ioc> reported, String text, java.util.Set<String> site) {
        Map<String, Ioc> result = new LinkedHashMap<>();
        String haystack = IocExtractor.refang(text).toLowerCase(Locale.ROOT);
        for (Ioc ioc : reported) {
            if (ioc == null || ioc.value() == null || ioc.value().isBlank()) {
                continue;
            }
            String value = IocExtractor.refang(ioc.value().strip());
            if (!haystack.contains(value.toLowerCase(Locale.ROOT))) {
                continue; // not in the article: the model made it up
            }
            Ioc typed = iocs.classify(value);
            // the model's own type stands where the patterns find nothing, but never for a CVE id: its pattern (and
            // its year) is the whole of what makes one, so one the patterns refuse (CVE-0000-0000) is none
            if (typed == null && IocExtractor.TYPES.contains(ioc.type()) && !ioc.type().equals("cve")) {
                typed = new Ioc(ioc.type(), value);
            }
            if (typed != null && !iocs.ignores(typed, site)) {
                result.putIfAbsent(typed.type() + ":" + typed.value().toLowerCase(Locale.ROOT), typed);
            }
        }
        for (Ioc found : iocs.find(text, site)) {
            result.putIfAbsent(found.type() + ":" + found.value().toLowerCase(Locale.ROOT), found);
        }
        return new ArrayList<>(result.values()).subList(0, Math.min(result.size(), 50));
    }

    private static List<String> list(List<String> entries, int max) {
        return entries.stream().map(s -> prose(s, MAX_ENTRY)).filter(s -> !s.isEmpty()).limit(max).toList();
    }

    /** Model prose as one line of plain text without HTML or URLs, length capped; escaped wherever it is rendered. */
    private static String prose(String s, int max) {
        return ModelText.clean(s, max);
    }
}
