package dev.newsdigest.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.newsdigest.config.ChannelSettings;
import dev.newsdigest.config.Messages;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.StateStore.PendingDelivery;
import dev.newsdigest.state.TicketLedger;
import com.google.common.hash.Hashing;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket channel ({@code digest.tickets.mode=per-action}): one ticket per 課題 entry of a published revision. A story
 * (the normalised URL of its article) opens one ticket; the same story on a later day or revision, with something new
 * to say, adds a note to it; unchanged, it sends nothing. Before opening a ticket the system is searched for the story's
 * marker, so that a run killed between the POST and recording the id does not open a second one. The route does the
 * HTTP; this class decides and records, {@link TicketText} writes what a ticket says, {@link TicketRequests} renders the
 * requests and {@link TicketMarker} ties a ticket to its story.
 */
public class Tickets {
    private static final Logger LOG = LoggerFactory.getLogger(Tickets.class);

    private final TicketTemplate template;
    private final TicketRequests requests;
    private final TicketMarker markers;
    private final TicketLedger ledger;
    private final Deliveries deliveries;
    private final Path deadLetters;
    private final ObjectMapper json = new ObjectMapper();

    public Tickets(ChannelSettings.Tickets settings, TicketTemplate template, StateStore store, Deliveries deliveries, Path stateDir) {
        // the key is read from the state on the first ticket: a run without tickets never makes one
        this.markers = new TicketMarker(com.google.common.base.Suppliers.memoize(() -> store.keys().ticketMarkerKey()));
        this.template = template;
        this.requests = new TicketRequests(settings, template);
        this.ledger = store.tickets();
        this.deliveries = deliveries;
        this.deadLetters = stateDir.resolve("dead-letters");
    }

    /** The marker a story's ticket carries in its subject ({@link TicketMarker}). */
    public String marker(String storyKey) {
        return markers.of(storyKey);
    }

    private static String sha256(String text) {
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
    }

    /** A fresh list for the failures of one delivery's tickets, shared by its split parts. */
    public List<Failure> newFailures() {
        return new CopyOnWriteArrayList<>();
    }

    /**
     * The tickets a revision's 課題 asks for: every entry whose story has no ticket yet or something new to say (or
     * every entry, on a resend). An entry whose ticket already says the same is left alone.
     */
    public List<TicketJob> jobs(@Variable("delivery") PendingDelivery delivery) throws IOException {
        Digest digest = json.readValue(delivery.json(), Digest.class);
        Messages m = Messages.of(digest.language());
        Map<String, DigestItem> items = new HashMap<>();
        digest.items().forEach(i -> items.put(i.url(), i));
        List<TicketJob> jobs = new ArrayList<>();
        for (Digest.Action action : digest.actions()) {
            if (action.url() == null || action.url().isBlank()) {
                continue;
            }
            DigestItem item = items.get(action.url());
            // a story told by several articles keeps the key it was first published under
            String storyKey = item != null && item.storyKey() != null ? item.storyKey() : action.url();
            String description = TicketText.description(action, item, digest, m);
            String change = sha256(description).substring(0, 16);
            String marker = marker(storyKey);
            // the story line is not part of what the ticket is told: it does not change, and tickets opened before it was added
            // would otherwise all get a note
            String described = description + "\n" + TicketMarker.storyLine(storyKey, marker) + "\n";
            TicketLedger.Ticket ticket = ledger.get(storyKey);
            if (ticket != null && change.equals(ticket.changeHash()) && !delivery.resend()) {
                continue; // the ticket already says this
            }
            String subject = TicketText.subject(action, digest, marker);
            String note = TicketText.note(delivery, description);
            String payload = TicketText.payload(storyKey, action, digest, delivery, marker, described, note, ticket == null ? null : ticket.id());
            jobs.add(new TicketJob(storyKey, marker, subject, described, note, payload, change, ticket == null ? null : ticket.changeHash(),
                    ticket == null ? null : ticket.id(), delivery.day(), delivery.revision()));
        }
        if (!jobs.isEmpty()) {
            LOG.info("deliver-tickets: {} revision {}: {} ticket(s) to open or update", delivery.day(), delivery.revision(), jobs.size());
        }
        return jobs;
    }

    public boolean canSearch() {
        return template.canSearch();
    }

    public void prepareSearch(@Variable("job") TicketJob job, Exchange exchange) {
        requests.prepare(TicketTemplate.SEARCH, job, exchange.getMessage());
    }

    public void prepareCreate(@Variable("job") TicketJob job, Exchange exchange) {
        requests.prepare(TicketTemplate.CREATE, job, exchange.getMessage());
    }

    /**
     * A note is recorded as told before it is sent, and taken back only when sending fails: a process killed between
     * the system's answer and the record sends it at most once, never twice (a note, unlike a ticket, cannot be found
     * again by a search).
     */
    public void prepareUpdate(@Variable("job") TicketJob job, Exchange exchange) {
        ledger.record(job.storyKey(), job.ticketId(), job.change(), job.day(), job.revision());
        requests.prepare(TicketTemplate.UPDATE, job, exchange.getMessage());
    }

    /**
     * The id a search found for the story's marker: recorded, so that no second ticket is opened, but only when the
     * ticket is ours: its subject carries the story's marker and its description the story's line. A ticket that only
     * looks like it (someone else's, with the marker typed in) is left alone and a ticket of our own is opened.
     */
    public TicketJob found(@Variable("job") TicketJob job, @Body String answer) {
        String id = template.id(TicketTemplate.SEARCH, answer);
        if (id == null) {
            return job;
        }
        String subject = template.text(TicketTemplate.SEARCH, "subject", answer);
        String body = template.text(TicketTemplate.SEARCH, "body", answer);
        if (!TicketMarker.carried(subject, body, job.storyKey(), job.marker())) {
            LOG.warn("deliver-tickets: {}: the search found ticket {}, but it does not carry the story's marker and line; not adopted, "
                    + "a ticket of its own is opened", job, id);
            return job;
        }
        LOG.info("deliver-tickets: {} already has ticket {} (found by its marker); recorded, not opened again", job, id);
        ledger.record(job.storyKey(), id, job.change(), job.day(), job.revision());
        return job.withTicketId(id);
    }

    public void created(@Variable("job") TicketJob job, @Body String answer) {
        String id = template.id(TicketTemplate.CREATE, answer);
        if (id == null && template.needsId()) {
            // counted as sent, a later note would go to "PUT /issues/.json": a failure, and the next attempt's search finds
            // the ticket if the system did make it
            throw new TicketAnswerException("the ticket system's answer to the create has no ticket id at " + template.idPointer(TicketTemplate.CREATE));
        }
        ledger.record(job.storyKey(), id == null ? "" : id, job.change(), job.day(), job.revision());
        LOG.info("deliver-tickets: {} opened{}", job, id == null ? "" : " as ticket " + id);
    }

    public void updated(@Variable("job") TicketJob job) {
        ledger.record(job.storyKey(), job.ticketId(), job.change(), job.day(), job.revision());
        LOG.info("deliver-tickets: {} ticket {} updated", job, job.ticketId());
    }

    /** One ticket's failure: what it was and why. */
    public record Failure(String marker, String why, Exception cause) {
    }

    /**
     * A ticket that still fails after its retries: a dead letter of its own, saying whether retrying can help; the
     * revision's delivery stays pending. The failure is the one this ticket's request caught, never an older one the
     * exchange still carries from another stage.
     */
    public void failed(@Variable("job") TicketJob job, @Variable("ticketFailures") List<Failure> failures, Exchange exchange) {
        Exception e = exchange.getException() != null ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String why = e == null ? "unknown error" : DeliveryFailures.describe(e);
        boolean permanent = e != null && !DeliveryFailures.isTransient(e);
        failures.add(new Failure(job.marker(), why, e));
        if (job.ticketId() != null) { // a note that was not told after all: the next run tells it
            ledger.record(job.storyKey(), job.ticketId(), job.previousChange(), job.day(), job.revision());
        }
        try {
            Files.createDirectories(deadLetters);
            String name = job.day() + "-r" + job.revision() + "-tickets-" + job.marker().replace(':', '-');
            Files.writeString(deadLetters.resolve(name + ".json"), job.payload(), StandardCharsets.UTF_8);
            Files.writeString(deadLetters.resolve(name + ".reason.txt"), "channel: tickets\nstory: " + job.storyKey() + "\npermanent: " + permanent + "\nreason: " + why + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException io) {
            LOG.warn("deliver-tickets: could not write the dead letter of {}: {}", job, io.getMessage());
        }
        LOG.warn("deliver-tickets: {} failed ({}); the next run tries it again", job, why);
    }

    /** The revision's delivery is done when every ticket is; else it stays pending, and the next run retries what failed. */
    public void finish(@Variable("delivery") PendingDelivery delivery, @Variable("ticketFailures") List<Failure> failures) {
        if (failures.isEmpty()) {
            deliveries.delivered(delivery);
        } else {
            // the first ticket's failure is the cause: it tells whether retrying can help (a 401 cannot)
            deliveries.failed(delivery, new TicketsFailedException(failures.size() + " ticket(s) failed: "
                    + String.join("; ", failures.stream().map(f -> f.marker() + ": " + f.why()).toList()), failures.get(0).cause()));
        }
    }

    /** Some of a revision's tickets failed after their retries: not worth retrying the whole revision at once. */
    static final class TicketsFailedException extends Exception {
        TicketsFailedException(String message, Throwable first) {
            super(message, first);
        }
    }

    /** The ticket system answered, but not with what the step needs. */
    static final class TicketAnswerException extends RuntimeException {
        TicketAnswerException(String message) {
            super(message);
        }
    }
}
