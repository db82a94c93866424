package dev.newsdigest.tickets;

import dev.newsdigest.support.TicketSystems;

/** The jira preset: REST v3 POST /rest/api/3/issue, a comment, search by JQL. */
class JiraTicketsTest extends TicketChannelContract {
    @Override
    TicketSystems system() {
        return new TicketSystems(TicketSystems.Kind.JIRA, project(), token());
    }

    @Override
    String preset() {
        return "jira";
    }

    @Override
    String project() {
        return "SOC";
    }

    @Override
    String token() {
        return "soc@example.com:jira-api-token";
    }
}
