package dev.newsdigest.hardening;

/** The hostile-receiver contract with the jira ticket preset. */
class HostileJiraTicketsTest extends HostileDeliveryContract {
    @Override
    String preset() {
        return "jira";
    }
}
