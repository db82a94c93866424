package dev.newsdigest.delivery;

import java.util.List;

import dev.newsdigest.config.Messages;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.publish.CveLine;
import dev.newsdigest.publish.DigestRenderer;
import dev.newsdigest.state.StateStore.PendingDelivery;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a story's ticket says, from a 課題 entry of a published revision: its subject, its description, the note an
 * update adds, and the webhook preset's payload of them. Nothing an article says can carry a marker into them.
 */
final class TicketText {
    private static final int MAX_SUBJECT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketText() {
    }

    /** The entry's title (its URL when it has none), cut to {@value #MAX_SUBJECT} characters, with the TLP and the marker. */
    static String subject(Digest.Action action, Digest digest, String marker) {
        String title = action.title() == null ? action.url() : TicketMarker.unmarked(action.title());
        return (digest.tlp() == null ? "" : "[" + digest.tlp() + "] ")
                + (title.length() > MAX_SUBJECT ? title.substring(0, MAX_SUBJECT) : title) + " [" + marker + "]";
    }

    /** Why the entry matters, its URL, the item's summary and CVE lines, and the TLP. */
    static String description(Digest.Action action, DigestItem item, Digest digest, Messages m) {
        StringBuilder d = new StringBuilder();
        String why = TicketMarker.unmarked(DigestRenderer.why(action, m));
        if (!why.isEmpty()) {
            d.append(why).append("\n\n");
        }
        d.append(action.url()).append('\n');
        if (item != null) {
            d.append('\n');
            item.summary().forEach(s -> d.append("- ").append(TicketMarker.unmarked(s)).append('\n'));
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

    /** The note an update adds: the revision it comes from, then the description. */
    static String note(PendingDelivery delivery, String description) {
        return delivery.day() + " r" + delivery.revision() + (delivery.resend() ? " (resend)" : "") + "\n\n" + description;
    }

    /** The webhook preset's body: the entry, its ticket text and, for a story already sent, the note and the ticket's id. */
    static String payload(String storyKey, Digest.Action action, Digest digest, PendingDelivery delivery, String marker, String description,
                          String note, String ticketId) {
        ObjectNode p = JSON.createObjectNode();
        p.put("storyKey", storyKey).put("marker", marker).put("day", delivery.day().toString()).put("revision", delivery.revision());
        if (digest.tlp() != null) {
            p.put("tlp", digest.tlp());
        }
        p.set("action", JSON.valueToTree(action));
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
}
