package dev.newsdigest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Politeness towards news sites and isolation from slow ones. At most {@code perHost} page requests are in flight to
 * one host name at a time, and a request waits at most the fetch timeout for its turn. A host that times out or refuses
 * connections {@value #UNRESPONSIVE_IN_A_ROW} times in a row is skipped for {@code pause} (its pages fall back to the
 * feed text at once), so that it cannot keep the shared workers waiting; the first answer after the pause resumes it.
 */
public class HostLimits {
    private static final Logger LOG = LoggerFactory.getLogger(HostLimits.class);
    static final int UNRESPONSIVE_IN_A_ROW = 3;

    private final int perHost;
    private final Duration maxWait;
    private final Duration pause;
    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final Semaphore slots;
        int unresponsive;
        long skipUntil;
        String lastError;

        Host(int perHost) {
            slots = new Semaphore(perHost);
        }
    }

    public HostLimits(int perHost, Duration maxWait, Duration pause) {
        this.perHost = perHost;
        this.maxWait = maxWait;
        this.pause = pause;
    }

    /** Takes one of the host's slots; the caller must {@link #release(String)} it. */
    public void acquire(String host) {
        Host h = host(host);
        refuseIfSkipped(host, h);
        try {
            if (!h.slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException("no free slot for " + host + " within " + maxWait.toSeconds() + "s ("
                        + perHost + " requests already in flight)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting for " + host);
        }
        try {
            refuseIfSkipped(host, h); // the requests it waited for may have just failed
        } catch (FetchException e) {
            h.slots.release();
            throw e;
        }
    }

    private static void refuseIfSkipped(String host, Host h) {
        synchronized (h) {
            if (System.currentTimeMillis() < h.skipUntil) {
                throw new FetchException("host " + host + " skipped for now: " + h.unresponsive
                        + " requests in a row failed (last: " + h.lastError + ")");
            }
        }
    }

    public void release(String host) {
        host(host).slots.release();
    }

    /** The host answered (whatever the status): it is responsive. */
    public void answered(String host) {
        Host h = host(host);
        synchronized (h) {
            h.unresponsive = 0;
            h.skipUntil = 0;
        }
    }

    /** The host timed out or refused the connection. */
    public void unresponsive(String host, String reason) {
        Host h = host(host);
        synchronized (h) {
            h.lastError = reason;
            if (++h.unresponsive >= UNRESPONSIVE_IN_A_ROW && h.skipUntil < System.currentTimeMillis()) {
                h.skipUntil = System.currentTimeMillis() + pause.toMillis();
                LOG.warn("enrich-article: host {} failed {} requests in a row ({}); its pages use the feed text for the next {}",
                        host, h.unresponsive, reason, pause);
            }
        }
    }

    private Host host(String host) {
        return hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), h -> new Host(perHost));
    }
}
