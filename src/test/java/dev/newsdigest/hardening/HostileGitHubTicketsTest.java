package dev.newsdigest.hardening;

/** The hostile-receiver contract with the github ticket preset. */
class HostileGitHubTicketsTest extends HostileDeliveryContract {
    @Override
    String preset() {
        return "github";
    }
}
