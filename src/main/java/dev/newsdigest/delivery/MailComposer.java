package dev.newsdigest.delivery;

import dev.newsdigest.config.ChannelSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Properties;

import dev.newsdigest.config.Messages;
import dev.newsdigest.state.StateStore.PendingDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Builds the digest mail: one {@code multipart/alternative} message with the Markdown as {@code text/plain} and its
 * HTML rendering as {@code text/html}, UTF-8 throughout, the subject encoded per RFC 2047, a stable Message-ID, a
 * List-Id, and for revisions In-Reply-To and References pointing at revision 1, so mail clients thread them.
 */
public class MailComposer {
    private final ChannelSettings.Mail mail;
    private final MailHtml html;
    /** Made on the first mail: a run that sends none does not load JavaMail. */
    private final com.google.common.base.Supplier<Session> session = com.google.common.base.Suppliers.memoize(
            () -> Session.getInstance(new Properties()));
    /** Made on first use: a run with nothing to do never loads Jackson. */
    private final com.google.common.base.Supplier<ObjectMapper> json = com.google.common.base.Suppliers.memoize(() -> new ObjectMapper());

    public MailComposer(ChannelSettings.Mail mail, MailHtml html) {
        this.mail = mail;
        this.html = html;
    }

    public MimeMessage compose(PendingDelivery d) throws MessagingException {
        String subject = subject(d);
        MimeMessage message = new StableIdMessage(session.get(), messageId(d.day().toString(), d.revision(), d.resend() ? d.idempotencyKey() : null));
        message.setFrom(new InternetAddress(mail.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", mail.to())));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("List-Id", "<daily-digest." + mail.fromDomain() + ">");
        if (d.revision() >= 2) {
            String first = messageId(d.day().toString(), 1, null);
            message.setHeader("In-Reply-To", first);
            message.setHeader("References", first);
        }
        if (d.resend()) {
            message.setHeader("X-Digest-Resend", "true");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(d.markdown(), "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html.render(d.markdown(), subject), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(rich);
        message.setContent(alternative);
        return message;
    }

    /**
     * {@code <prefix>日々のニュース要約 YYYY-MM-DD}, with {@code  (更新 N)} for revision N >= 2; English likewise; marked
     * {@code [TLP:AMBER] } first when the digest carries a TLP level.
     */
    public String subject(PendingDelivery d) {
        JsonNode digest = tree(d.json());
        Messages messages = Messages.of(digest.path("language").asText("ja"));
        String revision = d.revision() < 2 ? "" : messages.format("mail.revision", d.revision());
        String tlp = digest.path("tlp").asText("");
        return (tlp.isEmpty() ? "" : "[" + tlp + "] ") + mail.subjectPrefix() + messages.get("digest.heading") + " " + d.day() + revision;
    }

    private String messageId(String day, int revision, String resendKey) {
        String local = resendKey != null ? "digest." + resendKey : "digest." + day + ".r" + revision;
        return "<" + local + "@" + mail.fromDomain() + ">";
    }

    private JsonNode tree(String digestJson) {
        try {
            return json.get().readTree(digestJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JavaMail replaces the Message-ID on send; this keeps ours, so revisions can refer to revision 1. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
