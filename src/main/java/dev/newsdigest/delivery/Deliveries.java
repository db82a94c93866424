package dev.newsdigest.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.site.ArchiveSite;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.StateStore.PendingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of published digests: lists pending deliveries, records each success, and keeps each failure pending
 * with its reason and a dead letter (payload and reason) under {@code <digest.state.dir>/dead-letters/}.
 */
public class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final StateStore store;
    private final Path deadLetters;
    private final List<String> written = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final DigestMetrics metrics;

    public Deliveries(StateStore store, Path stateDir, DigestMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.deadLetters = stateDir.resolve("dead-letters");
    }

    public List<PendingDelivery> pending() {
        return store.claimPendingDeliveries();
    }

    public void delivered(PendingDelivery d) {
        store.deliverySucceeded(d);
        metrics.deliveryAttempt(d.channel(), true);
        moveDeadLetterAside(d);
        LOG.info("deliver-{}: {} revision {} delivered ({})", d.channel(), d.day(), d.revision(), d.idempotencyKey());
    }

    /**
     * The file channel wrote this path, the file {@code name} of the delivery (relative to {@code digest.output.dir}).
     * Of the archive site only its entry point, {@code site/index.html}, is kept for the run's list of written files: a
     * year's archive is hundreds of pages, rewritten with every publish.
     */
    public void fileWritten(String path, String name) {
        if (name.startsWith(ArchiveSite.DIR) && !name.equals(ArchiveSite.DIR + "index.html")) {
            return;
        }
        fileWritten(path);
    }

    /** The file channel wrote this path. */
    public void fileWritten(String path) {
        synchronized (written) {
            written.add(path);
        }
    }

    /** What a run did: the days it published, the files it wrote, whether any feed was read, whether a delivery failed. */
    public RunOutcome outcome(List<java.time.LocalDate> published, int feedsRead) {
        return new RunOutcome(published, writtenPaths(), feedsRead, failureCount());
    }

    /** The outcome of one run ({@code direct:run-once}). */
    public record RunOutcome(List<java.time.LocalDate> published, List<String> written, int feedsRead, int deliveryFailures) {
    }

    /** The delivery failed for good in this run: it stays pending, with a dead letter and a WARN line. */
    public void failed(PendingDelivery d, Exception reason) {
        boolean permanent = reason != null && !DeliveryFailures.isTransient(reason);
        String why = reason == null ? "unknown error" : DeliveryFailures.describe(reason);
        store.deliveryFailed(d, why, permanent);
        failures.incrementAndGet();
        metrics.deliveryFailure(d.channel());
        writeDeadLetter(d, why, permanent);
        LOG.warn("deliver-{}: {} revision {} failed ({}{}); it stays pending and the next run retries it with key {}",
                d.channel(), d.day(), d.revision(), permanent ? "permanent: " : "", why, d.idempotencyKey());
    }

    /** Files written by the file channel in this process. */
    public List<String> writtenPaths() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    /** Deliveries that failed in this process. */
    public int failureCount() {
        return failures.get();
    }

    private String deadLetterName(PendingDelivery d) {
        return d.idempotencyKey() + "-" + d.channel();
    }

    private void writeDeadLetter(PendingDelivery d, String why, boolean permanent) {
        try {
            Files.createDirectories(deadLetters);
            String name = deadLetterName(d);
            String payload = d.channel().equals("mail") ? d.markdown() : d.json();
            Files.writeString(deadLetters.resolve(name + (d.channel().equals("mail") ? ".md" : ".json")), payload, StandardCharsets.UTF_8);
            Files.writeString(deadLetters.resolve(name + ".reason.txt"),
                    "channel: " + d.channel() + "\nkey: " + d.idempotencyKey() + "\npermanent: " + permanent + "\nreason: " + why + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("deliver-{}: could not write the dead letter for {}: {}", d.channel(), d.idempotencyKey(), e.getMessage());
        }
    }

    /** Where dead letters go once they are delivered after all: {@code <state>/dead-letters/delivered}. */
    public static Path deliveredDeadLetters(Path stateDir) {
        return stateDir.resolve("dead-letters").resolve("delivered");
    }

    /**
     * A dead letter that is finally delivered moves to {@code dead-letters/delivered/}, for the record. The delivery is
     * already recorded as sent: a failed move is logged and never makes the channel send again.
     */
    private void moveDeadLetterAside(PendingDelivery d) {
        try {
            moveDeadLetter(d);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("deliver-{}: {} was delivered, but its dead letter could not be moved aside: {}", d.channel(),
                    d.idempotencyKey(), e.getMessage());
        }
    }

    private void moveDeadLetter(PendingDelivery d) throws IOException {
        String name = deadLetterName(d);
        try (var files = Files.exists(deadLetters) ? Files.list(deadLetters) : java.util.stream.Stream.<Path>empty()) {
            List<Path> mine = files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList();
            if (!mine.isEmpty()) {
                Path done = Files.createDirectories(deliveredDeadLetters(deadLetters.getParent()));
                for (Path f : mine) {
                    Files.move(f, done.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
