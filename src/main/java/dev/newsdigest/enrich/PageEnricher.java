package dev.newsdigest.enrich;

import dev.newsdigest.model.EnrichedArticle;

import dev.newsdigest.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich stage: fetch the article page and extract its main text. A page that cannot be fetched, or that
 * yields almost no text, is replaced by the feed's own description ({@code textSource: feed}, the route's page-errors
 * fallback), with a WARN line saying why.
 */
public class PageEnricher {
    private static final Logger LOG = LoggerFactory.getLogger(PageEnricher.class);
    static final int MIN_PAGE_TEXT = 200;

    private final PageFetcher fetcher;
    private final ArticleExtractor extractor;

    public PageEnricher(PageFetcher fetcher, ArticleExtractor extractor) {
        this.fetcher = fetcher;
        this.extractor = extractor;
    }

    /**
     * The article with its page's main text, the page fetched by {@code deadline} (epoch millis: the item's time budget).
     * Throws {@link dev.newsdigest.fetch.FetchException} when the page cannot be fetched and
     * {@link TooLittleTextException} when it gives almost no text: the route then falls back to {@link #feedText}.
     */
    public EnrichedArticle enrich(Article article, long deadline) {
        PageFetcher.FetchedPage page = fetcher.fetch(article.url(), deadline);
        String text = extractor.extract(page.body(), page.charset(), page.url()).text();
        if (text.length() < Math.min(MIN_PAGE_TEXT, Math.max(1, article.description().length()))) {
            throw new TooLittleTextException("yielded only " + text.length() + " characters of text");
        }
        return new EnrichedArticle(article, text, "page");
    }

    /** The article with the feed's own description, when its page could not give the text; the reason is logged. */
    public EnrichedArticle feedText(Article article, Exception failure) {
        Throwable reason = failure;
        while (reason != null && !(reason instanceof TooLittleTextException || reason instanceof dev.newsdigest.fetch.FetchException)
                && reason.getCause() != null && reason.getCause() != reason) {
            reason = reason.getCause(); // the failure itself, not a wrapper around the bean call
        }
        String why = reason instanceof TooLittleTextException ? reason.getMessage()
                : "could not be fetched (" + (reason == null ? "unknown reason" : reason.getMessage()) + ")";
        LOG.warn("enrich-article: {} {}; using the feed description", article.url(), why);
        return new EnrichedArticle(article, article.description(), "feed");
    }
}
