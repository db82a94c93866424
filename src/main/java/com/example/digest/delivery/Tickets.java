package com.example.digest.delivery;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.example.digest.config.ChannelSettings;
import com.example.digest.config.Messages;
import com.example.digest.model.CveContext;
import com.example.digest.model.Digest;
import com.example.digest.model.DigestItem;
import com.example.digest.publish.CveLine;
import com.example.digest.publish.DigestRenderer;
import com.example.digest.state.StateStore;
import com.example.digest.state.StateStore.PendingDelivery;
import com.example.digest.state.TicketLedger;
import com.google.common.hash.Hashing;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * HTTP; this class decides, renders and records.
 */
public class Tickets {
    private static final Logger LOG = LoggerFactory.getLogger(Tickets.class);
    private static final int MAX_SUBJECT = 200;

    private final ChannelSettings.Tickets settings;
    private final TicketTemplate template;
    private final TicketLedger ledger;
    private final Deliveries deliveries;
    private final Path deadLetters;
    private final ObjectMapper json = new ObjectMapper();
    /** Read from the state on the first ticket: a run without tickets never makes one. */
    private final com.google.common.base.Supplier<byte[]> markerKey;

    public Tickets(ChannelSettings.Tickets settings, TicketTemplate template, StateStore store, Deliveries deliveries, Path stateDir) {
        this.markerKey = com.google.common.base.Suppliers.memoize(() -> store.keys().ticketMarkerKey());
        this.settings = settings;
        this.template = template;
        this.ledger = store.tickets();
        this.deliveries = deliveries;
        this.deadLetters = stateDir.resolve("dead-letters");
    }

    /**
     * Marker-shaped text ({@code [digest:89e82fab6931]}, with or without brackets): taken out of every title and summary
     * before it reaches a ticket, so that an article cannot make its ticket look like another story's.
     */
    private static final java.util.regex.Pattern MARKER_SHAPED =
            java.util.regex.Pattern.compile("(?i)\\[?\\s*digest\\s*[:：]\\s*[0-9a-f]{4,}\\s*]?");
    /** The line a ticket's description ends with: the story it belongs to and its marker, checked before adopting a ticket. */
    static final String STORY_LINE = "digest-story: ";

    /**
     * The marker a story's ticket carries in its subject, found again by a search: {@code digest:<16 hex>}, an HMAC of
     * the story key under the key the product keeps in its state, so that nobody without the state can compute it.
     */
    public String marker(String storyKey) {
        return "digest:" + Hashing.hmacSha256(markerKey.get()).hashString(storyKey, StandardCharsets.UTF_8).toString().substring(0, 16);
    }

    /** {@code text} without marker-shaped pieces. */
    static String unmarked(String text) {
        return text == null ? null : MARKER_SHAPED.matcher(text).replaceAll("").replaceAll("  +", " ").strip();
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
            String description = description(action, item, digest, m);
            String change = sha256(description).substring(0, 16);
            String marker = marker(storyKey);
            // the story line is not part of what the ticket is told: it does not change, and tickets opened before it was added
            // would otherwise all get a note
            String described = description + "\n" + STORY_LINE + storyKey + " [" + marker + "]\n";
            TicketLedger.Ticket ticket = ledger.get(storyKey);
            if (ticket != null && change.equals(ticket.changeHash()) && !delivery.resend()) {
                continue; // the ticket already says this
            }
            String title = action.title() == null ? action.url() : unmarked(action.title());
            String subject = (digest.tlp() == null ? "" : "[" + digest.tlp() + "] ")
                    + (title.length() > MAX_SUBJECT ? title.substring(0, MAX_SUBJECT) : title) + " [" + marker + "]";
            String note = delivery.day() + " r" + delivery.revision() + (delivery.resend() ? " (resend)" : "") + "\n\n" + description;
            jobs.add(new TicketJob(storyKey, marker, subject, described, note, payload(storyKey, action, digest, delivery, marker, described, note,
                    ticket == null ? null : ticket.id()),
                    change, ticket == null ? null : ticket.changeHash(), ticket == null ? null : ticket.id(), delivery.day(), delivery.revision()));
        }
        if (!jobs.isEmpty()) {
            LOG.info("deliver-tickets: {} revision {}: {} ticket(s) to open or update", delivery.day(), delivery.revision(), jobs.size());
        }
        return jobs;
    }

    private static String description(Digest.Action action, DigestItem item, Digest digest, Messages m) {
        StringBuilder d = new StringBuilder();
        String why = unmarked(DigestRenderer.why(action, m));
        if (!why.isEmpty()) {
            d.append(why).append("\n\n");
        }
        d.append(action.url()).append('\n');
        if (item != null) {
            d.append('\n');
            item.summary().forEach(s -> d.append("- ").append(unmarked(s)).append('\n'));
            List<CveContext> cves = item.cveContexts();
            if (!cves.isEmpty()) {
                d.append('\n');
                CveLine.capped(cves, m).forEach(line -> d.append("- ").append(line).append('\n'));
            }
        }
        if (digest.tlp() != null) {
            d.append('\n').append(digest.tlp()).append('\n');
        }
        return d.toString();
    }

    /** The webhook preset's body: the entry, its ticket text and, for a story already sent, the note and the ticket's id. */
    private String payload(String storyKey, Digest.Action action, Digest digest, PendingDelivery delivery, String marker, String description,
                           String note, String ticketId) {
        ObjectNode p = json.createObjectNode();
        p.put("storyKey", storyKey).put("marker", marker).put("day", delivery.day().toString()).put("revision", delivery.revision());
        if (digest.tlp() != null) {
            p.put("tlp", digest.tlp());
        }
        p.set("action", json.valueToTree(action));
        p.put("description", description);
        p.put("update", ticketId != null);
        if (ticketId != null) {
            p.put("note", note);
            if (!ticketId.isEmpty()) {
                p.put("ticketId", ticketId);
            }
        }
        return p.toString();
    }

    public boolean canSearch() {
        return template.canSearch();
    }

    public void prepareSearch(@Variable("job") TicketJob job, Exchange exchange) {
        prepare(TicketTemplate.SEARCH, job, exchange);
    }

    public void prepareCreate(@Variable("job") TicketJob job, Exchange exchange) {
        prepare(TicketTemplate.CREATE, job, exchange);
    }

    /**
     * A note is recorded as told before it is sent, and taken back only when sending fails: a process killed between
     * the system's answer and the record sends it at most once, never twice (a note, unlike a ticket, cannot be found
     * again by a search).
     */
    public void prepareUpdate(@Variable("job") TicketJob job, Exchange exchange) {
        ledger.record(job.storyKey(), job.ticketId(), job.change(), job.day(), job.revision());
        prepare(TicketTemplate.UPDATE, job, exchange);
    }

    /** Sets the step's method, URL, headers and body on the message; nothing of an earlier call stays. */
    private void prepare(String step, TicketJob job, Exchange exchange) {
        TicketTemplate.Request r = template.render(step, view(job));
        var in = exchange.getMessage();
        in.removeHeaders("*", "CamelRedelivery*"); // the redelivery count stays: the retry decision reads it
        in.setHeader(Exchange.HTTP_METHOD, r.method());
        in.setHeader(Exchange.HTTP_URI, r.url());
        r.headers().forEach(in::setHeader);
        in.setBody(r.body() == null ? "" : r.body());
    }

    /** The values a template may use. */
    Map<String, Object> view(TicketJob job) {
        String token = settings.token() == null ? "" : settings.token();
        Map<String, Object> view = new HashMap<>();
        view.put("base", settings.url());
        view.put("project", settings.project());
        view.put("token", token);
        view.put("storyKey", job.storyKey());
        view.put("marker", job.marker());
        view.put("id", job.ticketId() == null ? "" : job.ticketId());
        view.put("change", job.change());
        view.put("day", job.day().toString());
        view.put("revision", job.revision());
        view.put("payload", job.payload());
        Map<String, Object> literal = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Map.of("project", settings.project(), "subject", job.subject(), "description", job.description(),
                "note", job.note(), "storyKey", job.storyKey(), "marker", job.marker()).entrySet()) {
            literal.put(e.getKey(), quote(e.getValue()));
        }
        view.put("json", literal);
        Map<String, Object> encoded = new LinkedHashMap<>();
        encoded.put("project", encode(settings.project()));
        encoded.put("marker", encode(job.marker()));
        encoded.put("id", encode(job.ticketId() == null ? "" : job.ticketId()));
        encoded.put("jql", encode("project = \"" + settings.project() + "\" AND summary ~ \"\\\"" + job.marker() + "\\\"\""));
        encoded.put("githubQuery", encode("repo:" + settings.project() + " in:title \"" + job.marker() + "\""));
        view.put("url", encoded);
        view.put("basic", Map.of("token", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))));
        view.put("adf", Map.of("description", adf(job.description()), "note", adf(job.note())));
        return view;
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s == null ? "" : s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text as an Atlassian Document: a paragraph per line, as Jira Cloud's v3 API takes descriptions and comments. */
    private String adf(String text) {
        ObjectNode doc = json.createObjectNode().put("type", "doc").put("version", 1);
        var content = doc.putArray("content");
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                content.addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text").put("text", line);
            }
        }
        return doc.toString();
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
        if (subject == null || body == null || !subject.contains("[" + job.marker() + "]")
                || !body.contains(STORY_LINE + job.storyKey() + " [" + job.marker() + "]")) {
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
