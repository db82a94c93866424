package dev.newsdigest.summarize;

/** The article's time budget ({@code digest.llm.item-timeout}) ran out: it gets the offline summary. */
public class ItemTimeoutException extends RuntimeException {
    public ItemTimeoutException(String message) {
        super(message);
    }
}
