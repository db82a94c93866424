package dev.newsdigest;

import java.time.Duration;
import java.util.Properties;

import dev.newsdigest.config.ChannelSettings;
import dev.newsdigest.config.Settings;
import dev.newsdigest.delivery.AtomFeed;
import dev.newsdigest.delivery.Deliveries;
import dev.newsdigest.delivery.DeliveryRetry;
import dev.newsdigest.delivery.MailComposer;
import dev.newsdigest.delivery.MailHtml;
import dev.newsdigest.delivery.TicketTemplate;
import dev.newsdigest.delivery.Tickets;
import dev.newsdigest.delivery.WebhookSigner;
import dev.newsdigest.fetch.HttpCall;
import dev.newsdigest.fetch.Limits;
import dev.newsdigest.fetch.Outbound;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.StateStore;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;

import static dev.newsdigest.Beans.bind;

/** The delivery's beans: the outbox and its retries, and each channel's (mail, the webhook, tickets) with its client. */
final class DeliveryBeans {
    private DeliveryBeans() {
    }

    static void configure(CamelContext context, Settings settings, Outbound outbound, StateStore store, DigestMetrics metrics) {
        Deliveries deliveries = new Deliveries(store, settings.stateDir(), metrics);
        bind(context, "deliveries", deliveries);
        MailHtml html = new MailHtml();
        AtomFeed atom = new AtomFeed(settings.intel().producer(), settings.language(), settings.atomEntries(), html);
        bind(context, "outputFiles", new dev.newsdigest.delivery.OutputFiles(store, settings.intel().misp(), atom,
                settings.site() ? new dev.newsdigest.site.ArchiveSite(settings.language(), settings.siteUrl(), html, atom) : null,
                settings.outputDir()));
        bind(context, "deliveryRetry", new DeliveryRetry(settings, metrics));
        bind(context, "mailComposer", new MailComposer(settings.mail(), html));
        bind(context, "webhookSigner", new WebhookSigner(settings.webhook().secret()));
        ChannelSettings.Webhook webhook = settings.webhook();
        bind(context, "webhookHttp", new HttpCall(outbound.client(new Limits("webhook", webhook.timeout(), webhook.maxBytes(),
                Limits.hostOf(webhook.url()), "digest.webhook")), true));
        ChannelSettings.Tickets tickets = settings.channelSettings().tickets();
        // bound in every run, for the routes to start; its requests are read only when the channel is on (and used only then)
        TicketTemplate requests = !tickets.delivery().enabled() ? null
                : tickets.preset().equals("template") ? TicketTemplate.file(tickets.template()) : TicketTemplate.preset(tickets.preset());
        bind(context, "tickets", new Tickets(tickets, requests, store, deliveries, settings.stateDir()));
        bind(context, "ticketsHttp", new HttpCall(outbound.client(new Limits("tickets", tickets.timeout(), tickets.maxBytes(),
                Limits.hostOf(tickets.url()), "digest.tickets")), true));
        // chat channels: one bean for every kind, one client for every chat channel, each channel's host the operator's own
        dev.newsdigest.config.ChatSettings chat = settings.chat();
        bind(context, "chatMessages", new dev.newsdigest.delivery.ChatMessages(chat));
        bind(context, "chatHttp", new HttpCall(outbound.client(new Limits("chat", chat.timeout(), chat.maxBytes(), chat.hosts(),
                "digest.chat")), true));
        if (settings.mail().delivery().enabled()) {
            configureMail(context, settings.mail(), settings.fetchTimeout());
        }
    }

    /** Credentials, STARTTLS and timeouts on the mail channel's smtp or smtps component, so that no secret sits in an endpoint URI. */
    private static void configureMail(CamelContext context, ChannelSettings.Mail mail, Duration timeout) {
        String scheme = mail.endpoint().substring(0, mail.endpoint().indexOf(':'));
        MailConfiguration cfg = context.getComponent(scheme, MailComponent.class).getConfiguration();
        if (mail.username() != null) {
            cfg.setUsername(mail.username());
            cfg.setPassword(mail.password());
        }
        cfg.setConnectionTimeout((int) timeout.toMillis());
        Properties props = new Properties();
        props.put("mail." + scheme + ".timeout", Long.toString(timeout.toMillis()));
        props.put("mail." + scheme + ".writetimeout", Long.toString(timeout.toMillis()));
        if (mail.security().equals("starttls")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        cfg.setAdditionalJavaMailProperties(props);
    }
}
