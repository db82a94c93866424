package dev.newsdigest.summarize;

import java.io.IOException;
import java.time.Duration;

import dev.newsdigest.config.Settings;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.EnrichedArticle;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code retryWhile} of {@code model-errors}: an answer that does not fit the schema, 429, 5xx, timeouts and lost
 * connections are retried up to {@code digest.llm.retries} times, while the wait the route's redelivery policy will take
 * ({@code digest.llm.retry-delay}, doubling) still fits in the item's time budget; authentication and invalid-request
 * errors are not. LangChain4j's exceptions do not expose Retry-After, so a 429 waits the back-off.
 */
public class ModelRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRetry.class);
    private final Settings settings;

    public ModelRetry(Settings settings) {
        this.settings = settings;
    }

    public boolean shouldRetry(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        // Camel has already counted the failed attempt when it asks: 1 after the first failure
        int failed = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        if (failure == null || failed > settings.llmRetries() || !retriable(failure)) {
            return false;
        }
        // the delay of the route's policy: redeliveryDelay, then doubled per attempt (useExponentialBackOff, backOffMultiplier 2)
        Duration wait = settings.llmRetryDelay().multipliedBy(1L << Math.min(failed - 1, 10));
        Long deadline = exchange.getVariable("deadline", Long.class);
        if (deadline != null && System.currentTimeMillis() + wait.toMillis() >= deadline) {
            return false; // no time left in the item's budget
        }
        LOG.warn("{} failed ({}); retry {} of {} in {} ms", subject(exchange),
                failure.getClass().getSimpleName() + ": " + failure.getMessage(), failed, settings.llmRetries(), wait.toMillis());
        return true;
    }

    /** The stage and what the failed call was for: an article's link, or the day of the overview. */
    private static String subject(Exchange exchange) {
        EnrichedArticle article = exchange.getVariable("enriched", EnrichedArticle.class);
        if (article != null) {
            return "summarize-article: model call for " + article.article().url();
        }
        Digest digest = exchange.getVariable("digest", Digest.class);
        return "write-overview: model call for " + (digest == null ? "the overview" : "the overview of " + digest.date());
    }

    static boolean retriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ItemTimeoutException || t instanceof NonRetriableException) {
                return false;
            }
            if (t instanceof HttpException http) {
                int code = http.statusCode();
                return code == 408 || code == 429 || code >= 500;
            }
            if (t instanceof dev.newsdigest.fetch.FetchException fetch) {
                return !fetch.permanent() && !fetch.getMessage().startsWith("the model's answer is larger");
            }
            if (t instanceof ModelAnswerException || t instanceof RetriableException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
