package com.example.digest.enrich;

/** An article page could not be fetched; the item falls back to the feed's text. */
public class PageFetchException extends RuntimeException {
    private final boolean hostUnresponsive;

    public PageFetchException(String message) {
        this(message, false);
    }

    /** {@code hostUnresponsive}: the host did not answer in time or refused the connection (not an HTTP error status). */
    public PageFetchException(String message, boolean hostUnresponsive) {
        super(message);
        this.hostUnresponsive = hostUnresponsive;
    }

    public boolean hostUnresponsive() {
        return hostUnresponsive;
    }
}
