package dev.newsdigest.fetch;

import java.net.URI;

/**
 * An answer with a status the caller does not take as success: the status, the URL (shown cut to its host, since a
 * path may hold a secret) and the server's Retry-After, if any.
 */
public class HttpStatusException extends RuntimeException {
    private final int status;
    private final URI uri;
    private final String retryAfter;

    public HttpStatusException(int status, URI uri, String retryAfter) {
        super(dev.newsdigest.config.Redact.urlsIn("HTTP " + status + " from " + uri));
        this.status = status;
        this.uri = uri;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String retryAfter() {
        return retryAfter;
    }

    /** 4xx other than 408 and 429: sending the same request again will not change the answer. */
    public boolean permanent() {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
