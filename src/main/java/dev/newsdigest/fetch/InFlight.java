package dev.newsdigest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The outbound requests under way, for {@code status} (what, to which host, for how long) and for shutdown: once
 * {@link #abortAll} has run, every request under way is cut off and every new one is refused, so that a stop does not
 * wait for a server that drips.
 */
public final class InFlight {
    /** One request under way: its kind, method and host, and when it started. */
    public record Request(String kind, String method, String host, Instant started) {
        public Duration age(Instant now) {
            return Duration.between(started, now);
        }
    }

    private final Map<Long, Entry> requests = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private volatile String closing;

    private record Entry(Request request, Cancellable cancel) {
    }

    public InFlight(Clock clock) {
        this.clock = clock;
    }

    /** Registers a request; refused with the reason once the process is stopping. */
    long start(String kind, String method, String host, Cancellable cancel) {
        String why = closing;
        if (why != null) {
            throw new FetchException("not sent: " + why);
        }
        long id = ids.incrementAndGet();
        requests.put(id, new Entry(new Request(kind, method, host, Instant.now(clock)), cancel));
        if (closing != null) { // a stop that began between the check and the put
            requests.remove(id);
            cancel.cancel();
            throw new FetchException("not sent: " + closing);
        }
        return id;
    }

    void end(long id) {
        requests.remove(id);
    }

    /** The requests under way, oldest first. */
    public List<Request> list() {
        List<Request> list = new ArrayList<>(requests.values().stream().map(Entry::request).toList());
        list.sort(Comparator.comparing(Request::started));
        return list;
    }

    /** Whether {@link #abortAll} has run. */
    public boolean closing() {
        return closing != null;
    }

    /** Cuts off every request under way and refuses new ones, with {@code why} as their failure. */
    public void abortAll(String why) {
        closing = why;
        requests.values().forEach(e -> e.cancel().cancel());
    }
}
