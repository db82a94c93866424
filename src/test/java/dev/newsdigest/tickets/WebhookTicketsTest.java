package dev.newsdigest.tickets;

import dev.newsdigest.support.TicketSystems;

/** The webhook preset: a POST per story and per change, with Idempotency-Key and X-Digest-Story. */
class WebhookTicketsTest extends TicketChannelContract {
    @Override
    TicketSystems system() {
        return new TicketSystems(TicketSystems.Kind.WEBHOOK, project(), token());
    }

    @Override
    String preset() {
        return "webhook";
    }

    @Override
    String project() {
        return "";
    }

    @Override
    String token() {
        return "";
    }
}
