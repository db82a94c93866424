package com.example.digest.enrich;

import com.example.digest.feed.Article;
import com.example.digest.fetch.FetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich stage: fetch the article page and extract its main text. A page that cannot be fetched, or that
 * yields almost no text, is replaced by the feed's own description ({@code textSource: feed}), with a WARN
 * line saying why.
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

    /** Enriches {@code article}, the page fetched by {@code deadline} (epoch millis: the item's time budget). */
    public EnrichedArticle enrich(Article article, long deadline) {
        try {
            PageFetcher.FetchedPage page = fetcher.fetch(article.url(), deadline);
            String text = extractor.extract(page.body(), page.charset(), page.url()).text();
            if (text.length() >= Math.min(MIN_PAGE_TEXT, Math.max(1, article.description().length()))) {
                return new EnrichedArticle(article, text, "page");
            }
            LOG.warn("enrich-article: {} yielded only {} characters of text; using the feed description", article.url(), text.length());
        } catch (FetchException | java.io.UncheckedIOException e) {
            LOG.warn("enrich-article: {} could not be fetched ({}); using the feed description", article.url(), e.getMessage());
        }
        return new EnrichedArticle(article, article.description(), "feed");
    }
}
