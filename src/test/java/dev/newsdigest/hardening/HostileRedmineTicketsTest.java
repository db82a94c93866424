package dev.newsdigest.hardening;

/** The hostile-receiver contract with the redmine ticket preset. */
class HostileRedmineTicketsTest extends HostileDeliveryContract {
    @Override
    String preset() {
        return "redmine";
    }
}
