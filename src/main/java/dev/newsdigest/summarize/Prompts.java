package dev.newsdigest.summarize;

import dev.newsdigest.model.ModelAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/**
 * The prompt templates under {@code src/main/resources/prompts}, filled in for one language and, when
 * {@code digest.llm.context} is set, with the readers' environment ({@code reader-context.txt}) in the system messages
 * only, never beside the article or items. Without it, the system messages are the templates as they are.
 */
public class Prompts {
    private final String language;
    private final String articleSystem;
    private final String articleUser;
    private final String overviewSystem;

    /** Without a readers' context. */
    public Prompts(String languageCode) {
        this(languageCode, "");
    }

    /** {@code readerContext}: the readers' environment ({@code digest.llm.context}, already cleaned), or empty. */
    public Prompts(String languageCode, String readerContext) {
        this.language = "en".equals(languageCode) ? "English" : "Japanese";
        String context = readerContext == null || readerContext.isBlank() ? ""
                : load("reader-context.txt").strip().replace("{{context}}", neutralise(readerContext.strip()));
        this.articleSystem = withContext(load("article-system.txt").replace("{{language}}", language), context, "\n\n");
        this.articleUser = load("article-user.txt");
        this.overviewSystem = withContext(load("overview-system.txt").replace("{{language}}", language), context, "\n");
    }

    /** The template with its {@code {{readerContext}}} line replaced by the context and {@code after}, or removed. */
    private static String withContext(String template, String context, String after) {
        return template.replace("{{readerContext}}\n", context.isEmpty() ? "" : context + after);
    }

    /** A hash of the article prompt and the schema: a new prompt version invalidates cached answers. */
    public String version() {
        return AnswerCache.sha256(articleSystem + articleUser + ModelAnswer.FORMAT.toString()).substring(0, 16);
    }

    public String articleSystem() {
        return articleSystem;
    }

    /**
     * The article as delimited data, with the day it was published ({@code date}, {@code YYYY-MM-DD}, or null when its
     * feed gave none); a closing delimiter inside the text cannot end the block early.
     */
    public String articleUser(String title, String date, String text) {
        return articleUser.replace("{{title}}", neutralise(title)).replace("{{date}}", date == null ? "unknown" : date)
                .replace("{{text}}", neutralise(text));
    }

    /** The messages for the day's overview ({@link OverviewWriter}). */
    public List<ChatMessage> overview(Digest digest) {
        StringBuilder items = new StringBuilder("<items>\n");
        for (DigestItem item : digest.items()) {
            items.append("- ").append(neutralise(item.title()));
            if (!item.summary().isEmpty()) {
                items.append(": ").append(neutralise(item.summary().get(0)));
            }
            items.append('\n');
        }
        digest.incidents().forEach(i -> items.append("- (Japanese breach incident) ").append(neutralise(i.title())).append('\n'));
        items.append("</items>");
        return List.of(SystemMessage.from(overviewSystem), UserMessage.from(items.toString()));
    }

    private static String neutralise(String s) {
        return s == null ? "" : s.replaceAll("(?i)</?\\s*(article|items|text|title|reader-context)\\s*>", "[$1]");
    }

    private static String load(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
