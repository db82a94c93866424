package dev.newsdigest.fetch;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where every outbound client of the product is made: one {@link HttpFetcher} per kind of request (feeds, pages, CVE
 * sources, the webhook, tickets, the model), each with its own {@link Limits} and connection pool, all with the same
 * address guard, User-Agent and proxy, all listed in one {@link InFlight}. A feature that needs HTTP asks here for a
 * client with its limits; there is no other way out.
 */
public final class Outbound implements AutoCloseable {
    private final AddressGuard guard;
    private final String userAgent;
    private final Optional<URI> proxy;
    private final InFlight inFlight;
    private final List<HttpFetcher> clients = new CopyOnWriteArrayList<>();

    public Outbound(AddressGuard guard, String userAgent, Optional<URI> proxy, InFlight inFlight) {
        this.guard = guard;
        this.userAgent = userAgent;
        this.proxy = proxy;
        this.inFlight = inFlight;
    }

    /** A client for one kind of request. */
    public HttpFetcher client(Limits limits) {
        HttpFetcher client = new HttpFetcher(guard, limits, userAgent, proxy, inFlight);
        clients.add(client);
        return client;
    }

    public InFlight inFlight() {
        return inFlight;
    }

    @Override
    public void close() {
        inFlight.abortAll("the process is stopping");
        clients.forEach(HttpFetcher::close);
    }
}
