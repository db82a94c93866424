package com.example.digest.enrich;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness towards news sites: at most {@code perHost} page requests in flight to one host name at a time.
 * A request waits at most the fetch timeout for its turn, so a host that answers slowly delays only its own pages.
 */
public class HostLimits {
    private final int perHost;
    private final Duration maxWait;
    private final ConcurrentMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public HostLimits(int perHost, Duration maxWait) {
        this.perHost = perHost;
        this.maxWait = maxWait;
    }

    /** Takes one of the host's slots; the caller must {@link #release(String)} it. */
    public void acquire(String host) {
        try {
            if (!slots(host).tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PageFetchException("no free slot for " + host + " within " + maxWait.toSeconds() + "s ("
                        + perHost + " requests already in flight)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageFetchException("interrupted while waiting for " + host);
        }
    }

    public void release(String host) {
        slots(host).release();
    }

    private Semaphore slots(String host) {
        return hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), h -> new Semaphore(perHost));
    }
}
