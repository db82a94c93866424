package com.example.digest.enrich;

/** An article page could not be fetched; the item falls back to the feed's text. */
public class PageFetchException extends RuntimeException {
    public PageFetchException(String message) {
        super(message);
    }
}
