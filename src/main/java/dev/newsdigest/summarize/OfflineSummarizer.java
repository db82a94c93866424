package dev.newsdigest.summarize;

import java.util.ArrayList;
import java.util.List;

import dev.newsdigest.config.Messages;
import dev.newsdigest.text.Defang;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.EnrichedArticle;
import dev.newsdigest.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The summary made without a model: the lead sentences of the text, IOCs found by pattern, the original title,
 * and empty model-only fields. Used when no model is configured ({@code offline}) and whenever the model fails
 * ({@code offline-fallback}), so an item is never dropped.
 */
public class OfflineSummarizer {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineSummarizer.class);
    private static final int LEAD_SENTENCES = 3;
    private static final int LEAD_CHARS = 600;

    private final IocExtractor iocs;
    private final Messages messages;

    public OfflineSummarizer(IocExtractor iocs, Messages messages) {
        this.iocs = iocs;
        this.messages = messages;
    }

    /** The summary of an item when no model is configured. */
    public DigestItem summarize(EnrichedArticle enriched) {
        return summary(enriched, "offline", messages.get("item.offlineNote"));
    }

    /** The summary of an item whose model call failed; {@code reason} is logged, not published. */
    public DigestItem fallback(EnrichedArticle enriched, Exception reason) {
        if (reason instanceof BudgetReachedException) {
            LOG.warn("summarize-article: {}; {} gets the offline summary", reason.getMessage(), enriched.article().url());
            return summary(enriched, "offline-fallback", messages.get("item.budgetNote"));
        }
        LOG.warn("summarize-article: model failed for {} ({}); using the offline summary", enriched.article().url(),
                reason == null ? "unknown reason" : reason.getClass().getSimpleName() + ": " + reason.getMessage());
        return summary(enriched, "offline-fallback", messages.get("item.fallbackNote"));
    }

    private DigestItem summary(EnrichedArticle enriched, String summarizedBy, String note) {
        Article a = enriched.article();
        String text = enriched.text().isBlank() ? a.description() : enriched.text();
        // page and feed text is hostile: a live URL in it would become a link in the Markdown
        return new DigestItem(a.feedId(), a.url(), a.title(), Defang.urlsIn(a.title()), Items.iso(a.publishedAt()),
                lead(text).stream().map(Defang::urlsIn).toList(),
                iocs.find(text, IocExtractor.siteOfArticle(a.url())), List.of(), List.of(note), List.of(), false, null, summarizedBy, enriched.textSource(),
                DigestItem.Usage.NONE).withCategories(a.categories());
    }

    static List<String> lead(String text) {
        List<String> lead = new ArrayList<>();
        int chars = 0;
        for (String sentence : Sentences.split(text)) {
            if (lead.size() == LEAD_SENTENCES || (chars > 0 && chars + sentence.length() > LEAD_CHARS)) {
                break;
            }
            lead.add(sentence.length() > LEAD_CHARS ? Sentences.truncate(sentence, LEAD_CHARS) : sentence);
            chars += sentence.length();
        }
        return lead;
    }
}
