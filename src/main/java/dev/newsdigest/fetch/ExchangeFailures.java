package dev.newsdigest.fetch;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/**
 * Why an exchange failed, in the words of the {@link FetchException} its caller reads: cut off (the process is stopping,
 * or the whole exchange's deadline passed), timed out at one step, no such host, TLS, no connection, or a broken read.
 * The failures of the connection, not the answer's, say so ({@link FetchException#hostUnresponsive()}).
 */
final class ExchangeFailures {
    private final Limits limits;
    private final InFlight inFlight;

    ExchangeFailures(Limits limits, InFlight inFlight) {
        this.limits = limits;
        this.inFlight = inFlight;
    }

    /** A request that was cancelled: the process is stopping, or the deadline of {@code budget} passed. */
    FetchException cutOff(String budget) {
        if (inFlight.closing()) {
            return new FetchException("aborted: the process is stopping", true);
        }
        return new FetchException("timed out: not complete within " + budget + " (" + limits.timeoutKey() + ")", true);
    }

    /** What {@code e}, thrown by the exchange with {@code uri} that had until {@code until} (epoch millis), means. */
    FetchException of(IOException e, URI uri, long until, String budget) {
        if (inFlight.closing() || System.currentTimeMillis() >= until - 5) {
            return cutOff(budget);
        }
        if (e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
            return new FetchException("timed out after " + limits.timeout().toSeconds() + "s (" + limits.timeoutKey() + ")", true);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException("unknown host " + uri.getHost());
        }
        if (e instanceof SSLException) {
            return new FetchException("TLS failed: " + e.getMessage(), true);
        }
        if (e instanceof HttpHostConnectException) {
            return new FetchException("connection failed: " + e.getMessage(), true);
        }
        return new FetchException("read failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
