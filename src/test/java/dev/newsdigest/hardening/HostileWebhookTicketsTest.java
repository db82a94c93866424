package dev.newsdigest.hardening;

/** The hostile-receiver contract with the webhook ticket preset. */
class HostileWebhookTicketsTest extends HostileDeliveryContract {
    @Override
    String preset() {
        return "webhook";
    }
}
