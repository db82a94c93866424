package dev.newsdigest.delivery;

import java.time.LocalDate;

/**
 * One ticket operation of a published revision: the 課題 entry of story {@code storyKey}, what its ticket says
 * ({@code subject}, {@code description}, and {@code note} for an update), the hash of it ({@code change}), and the
 * ticket's id when the story has one ({@code ticketId}; empty when the system gave none), and the hash its ticket
 * was last told ({@code previousChange}, null for a new ticket).
 */
public record TicketJob(String storyKey, String marker, String subject, String description, String note, String payload,
                        String change, String previousChange, String ticketId, LocalDate day, int revision) {

    public TicketJob withTicketId(String id) {
        return new TicketJob(storyKey, marker, subject, description, note, payload, change, previousChange, id, day, revision);
    }

    @Override
    public String toString() {
        return marker + " (" + storyKey + ")";
    }
}
