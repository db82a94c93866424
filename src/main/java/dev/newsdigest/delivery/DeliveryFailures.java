package dev.newsdigest.delivery;

import dev.newsdigest.config.Redact;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.mail.AuthenticationFailedException;
import dev.newsdigest.fetch.FetchException;
import dev.newsdigest.fetch.HttpStatusException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Tells transient delivery failures (worth retrying) from permanent ones. Transient: connection refused, timeouts,
 * HTTP 5xx, 408 and 429, SMTP 4xx. Permanent: other HTTP 4xx, SMTP 5xx, authentication errors.
 */
public final class DeliveryFailures {
    private DeliveryFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return false;
            }
            if (t instanceof HttpStatusException http) {
                return !http.permanent();
            }
            if (t instanceof FetchException fetch && fetch.permanent()) {
                return false;
            }
            Integer smtp = smtpCode(t);
            if (smtp != null) {
                return smtp >= 400 && smtp < 500;
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof java.io.InterruptedIOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // anything else (an I/O error writing a file, a dropped connection) may well pass on the next attempt
        return true;
    }

    /** The delay a 429 or 503 asked for with Retry-After (seconds or an HTTP date), if any. */
    public static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpStatusException http) {
                return parseRetryAfter(http.retryAfter());
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * One line saying what went wrong: the HTTP status or SMTP reply when there is one, else the root cause. URLs in it
     * keep only their scheme and host.
     */
    public static String describe(Throwable failure) {
        if (failure instanceof Tickets.TicketsFailedException) {
            return Redact.urlsIn(failure.getMessage()); // each ticket's reason, already in words
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpStatusException http) {
                return http.getMessage(); // the URL is already cut to its host
            }
            if (t instanceof FetchException fetch) {
                return Redact.urlsIn(fetch.getMessage());
            }
            Integer smtp = smtpCode(t);
            if (smtp != null) {
                return "SMTP " + smtp + ": " + Redact.urlsIn(t.getMessage());
            }
        }
        return Redact.failure(failure);
    }

    private static Integer smtpCode(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        return null;
    }
}
