package dev.newsdigest.enrich;

/** A page was fetched but gave too little main text to stand for the article. */
public class TooLittleTextException extends RuntimeException {
    public TooLittleTextException(String message) {
        super(message);
    }
}
