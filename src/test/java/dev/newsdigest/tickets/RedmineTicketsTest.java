package dev.newsdigest.tickets;

import dev.newsdigest.support.TicketSystems;

/** The redmine preset: POST /issues.json, PUT /issues/{id}.json with notes, search by subject. */
class RedmineTicketsTest extends TicketChannelContract {
    @Override
    TicketSystems system() {
        return new TicketSystems(TicketSystems.Kind.REDMINE, project(), token());
    }

    @Override
    String preset() {
        return "redmine";
    }

    @Override
    String project() {
        return "soc";
    }

    @Override
    String token() {
        return "redmine-api-key-for-tests";
    }
}
