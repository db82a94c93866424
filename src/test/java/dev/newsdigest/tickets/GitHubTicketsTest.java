package dev.newsdigest.tickets;

import dev.newsdigest.support.TicketSystems;

/** The github preset: POST /repos/{owner}/{repo}/issues, a comment, search by title. */
class GitHubTicketsTest extends TicketChannelContract {
    @Override
    TicketSystems system() {
        return new TicketSystems(TicketSystems.Kind.GITHUB, project(), token());
    }

    @Override
    String preset() {
        return "github";
    }

    @Override
    String project() {
        return "example/soc";
    }

    @Override
    String token() {
        return "ghp_token_for_tests";
    }
}
