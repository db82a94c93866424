package dev.newsdigest.fetch;

/** A feed or page could not be fetched, with the reason in words a reader of the log or the digest understands. */
public class FetchException extends RuntimeException {
    private final boolean hostUnresponsive;

    public FetchException(String message) {
        this(message, false);
    }

    /** {@code hostUnresponsive}: the host did not answer in time or refused the connection (not an HTTP error status). */
    public FetchException(String message, boolean hostUnresponsive) {
        super(message);
        this.hostUnresponsive = hostUnresponsive;
    }

    public boolean hostUnresponsive() {
        return hostUnresponsive;
    }

    /** Whether sending the same request again cannot help: the process is stopping, or a limit refused it. */
    public boolean permanent() {
        return getMessage() != null && (getMessage().startsWith("not sent: ") || getMessage().startsWith("aborted: "));
    }
}
