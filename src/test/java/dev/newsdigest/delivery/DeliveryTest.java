package dev.newsdigest.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.WebServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Fan-out through the real routes: GreenMail receives the mail, a local HTTP receiver the webhook. */
class DeliveryTest extends PipelineTestSupport {
    private static final String SECRET = "s3cret-for-tests";

    // a fixed free port rather than a dynamic one, so that a stopped server comes back where the settings point; chosen
    // outside the ephemeral range, so that no connection takes it while the server is down between tests
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(Ports.freeOutsideEphemeralRange(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** One copy of each message sent (GreenMail stores a copy per recipient), keyed by Message-ID. */
    private static java.util.Map<String, MimeMessage> sentMails() {
        java.util.Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                byId.putIfAbsent(m.getMessageID(), m);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return byId;
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.mail.enabled", "true");
        p.put("digest.mail.host", "127.0.0.1");
        p.put("digest.mail.port", Integer.toString(greenMail.getSmtp().getPort()));
        p.put("digest.mail.from", "digest@example.com");
        p.put("digest.mail.to", "soc@example.com, cert@example.org");
        p.put("digest.mail.backoff", "10ms");
        p.put("digest.webhook.enabled", "true");
        p.put("digest.webhook.url", web.url("/hook"));
        p.put("digest.webhook.secret", SECRET);
        p.put("digest.webhook.backoff", "10ms");
        web.serve("/hook", 200, "text/plain", "ok");
        return p;
    }

    private void runOnce() {
        poll();
        publish();
    }

    private String today() {
        return store().unpublishedDays(null).isEmpty() ? outputFiles(".json").get(0).getFileName().toString().substring(0, 10)
                : store().unpublishedDays(null).get(0).toString();
    }

    private StateStore store() {
        return context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
    }

    @Test
    void mailIsMultipartAlternativeUtf8WithExactSubjectThreadingHeadersAndEscapedTitles() throws Exception {
        runOnce();

        assertThat(greenMail.getReceivedMessages()).hasSize(2); // one message, two recipients
        assertThat(sentMails()).hasSize(1);
        MimeMessage mail = sentMails().values().iterator().next();
        String date = today();
        assertThat(mail.getSubject()).isEqualTo("日々のニュース要約 " + date);
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getHeader("Message-ID")[0]).isEqualTo("<digest." + date + ".r1@example.com>");
        assertThat(mail.getHeader("List-Id")[0]).isEqualTo("<daily-digest.example.com>");
        assertThat(mail.getHeader("Date")).isNotNull();
        assertThat(mail.getHeader("In-Reply-To")).isNull();

        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat((String) text.getContent()).isEqualTo(markdown());
        String body = (String) html.getContent();
        for (String url : List.of("/pages/fortiweb.html", "/pages/loader.html", "/pages/gone.html")) {
            assertThat(body).contains("href=\"" + web.url(url) + "\"");
        }
        assertThat(body).contains("【要約】FortiWeb authentication bypass flaw exploited in attacks", "【要約】Rust loader spreads via fake browser updates",
                "【要約】Retailer discloses breach after skimmer found");
        assertThat(body).doesNotContain("<script", "<img", "<style", "<link").contains("style=\"");
    }

    @Test
    void webhookBodyIsTheJsonFileBytesSignedWithHmacAndKeyed() throws Exception {
        runOnce();

        List<WebServer.Request> hooks = web.requests("/hook");
        assertThat(hooks).hasSize(1);
        WebServer.Request hook = hooks.get(0);
        byte[] file = Files.readAllBytes(outputFiles(".json").get(0));
        assertThat(hook.bytes()).isEqualTo(file);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(hook.headers().get("x-digest-signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(file)));
        String date = today();
        assertThat(hook.headers()).containsEntry("idempotency-key", date + "-r1").containsEntry("x-digest-date", date)
                .containsEntry("x-digest-revision", "1").containsEntry("content-type", "application/json; charset=utf-8")
                .doesNotContainKey("x-digest-resend");
    }

    @Test
    void webhookAnswering503TwiceThen200IsDeliveredOnceWithTheSameKey() {
        web.queue("/hook", 503, 503);
        runOnce();

        List<WebServer.Request> hooks = web.requests("/hook");
        assertThat(hooks).hasSize(3);
        assertThat(hooks).extracting(h -> h.headers().get("idempotency-key")).containsOnly(today() + "-r1");
        assertThat(store().pendingDeliveries()).isEmpty();
    }

    @Test
    void aWebhookThatKeepsFailingIsTriedExactlyMaxAttemptsTimesThenLeftPending() {
        web.serve("/hook", 503, "text/plain", "down");
        runOnce();

        assertThat(web.requests("/hook")).hasSize(5);
        assertThat(store().pendingDeliveries()).extracting(StateStore.PendingDelivery::channel).containsExactly("webhook");
    }

    @Test
    void webhookAnswering429WaitsForRetryAfter() {
        web.queue("/hook", 429).header("/hook", "Retry-After", "1");
        runOnce();

        List<WebServer.Request> hooks = web.requests("/hook");
        assertThat(hooks).hasSize(2);
        assertThat(Duration.between(hooks.get(0).receivedAt(), hooks.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void webhookAnswering400IsNotRetriedStaysPendingAndIsRetriedWithTheSameKeyLater() throws Exception {
        web.queue("/hook", 400);
        runOnce();

        assertThat(web.requests("/hook")).hasSize(1);
        List<StateStore.PendingDelivery> pending = store().pendingDeliveries();
        assertThat(pending).extracting(StateStore.PendingDelivery::channel).containsExactly("webhook");
        String date = today();
        Path deadLetters = work.resolve("state/dead-letters");
        assertThat(Files.readString(deadLetters.resolve(date + "-r1-webhook.reason.txt")))
                .contains("permanent: true", "HTTP 400");
        assertThat(deadLetters.resolve(date + "-r1-webhook.json")).exists();
        // the file and the mail still went out
        assertThat(outputFiles(".md")).hasSize(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);

        runOnce(); // the next run retries the pending delivery, with the same key
        assertThat(web.requests("/hook")).hasSize(2);
        assertThat(web.requests("/hook").get(1).headers().get("idempotency-key")).isEqualTo(date + "-r1");
        assertThat(store().pendingDeliveries()).isEmpty();
        assertThat(deadLetters.resolve("delivered/" + date + "-r1-webhook.json")).exists();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aDeadLetterThatCannotBeMovedAsideAfterASuccessfulSendDoesNotSendAgain() throws Exception {
        web.queue("/hook", 400);
        runOnce();
        assertThat(web.requests("/hook")).hasSize(1);
        // the folder delivered dead letters move to is blocked by a file: the move after the next send fails
        Path deadLetters = work.resolve("state/dead-letters");
        Files.writeString(deadLetters.resolve("delivered"), "in the way");

        try (dev.newsdigest.support.LogCapture logs = new dev.newsdigest.support.LogCapture()) {
            runOnce();
            assertThat(logs.warnings()).anyMatch(w -> w.contains("was delivered, but its dead letter could not be moved aside"));
        }
        runOnce();

        assertThat(web.requests("/hook")).hasSize(2); // the failed attempt and one successful send, never a third
        assertThat(store().pendingDeliveries()).isEmpty();
        assertThat(store().deliveries(java.time.LocalDate.parse(today()))).filteredOn(d -> d.channel().equals("webhook"))
                .extracting(StateStore.DeliveryState::status).containsExactly("SENT");
    }

    @Test
    void smtpDownLeavesTheMailPendingWhileWebhookAndFileDeliverAndALaterRunSendsItOnce() {
        greenMail.stop();
        runOnce();

        assertThat(web.requests("/hook")).hasSize(1);
        assertThat(outputFiles(".json")).hasSize(1);
        assertThat(store().pendingDeliveries()).extracting(StateStore.PendingDelivery::channel).containsExactly("mail");
        assertThat(store().deliveries(LocalDate.parse(today()))).filteredOn(d -> d.channel().equals("mail"))
                .singleElement().satisfies(d -> {
                    assertThat(d.attempts()).isEqualTo(1);
                    assertThat(d.permanent()).isFalse();
                    assertThat(d.lastError()).contains("ConnectException");
                });

        greenMail.start();
        runOnce();
        assertThat(greenMail.getReceivedMessages()).hasSize(2); // one message, two recipients
        assertThat(web.requests("/hook")).hasSize(1);
        runOnce();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void twoRunsWithNothingNewSendOneMailAndOneWebhookInTotal() {
        runOnce();
        runOnce();

        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(web.requests("/hook")).hasSize(1);
    }

    @Test
    void resendDeliversOnceMoreWithAFreshKeyAndTheResendHeader() throws Exception {
        runOnce();
        LocalDate day = LocalDate.parse(today());
        assertThat(store().scheduleResend(day, List.of("mail", "webhook"))).containsExactly(day + "-r1-resend-1", day + "-r1-resend-1");
        template.sendBody("direct:deliver-pending", null);

        List<WebServer.Request> hooks = web.requests("/hook");
        assertThat(hooks).hasSize(2);
        assertThat(hooks.get(1).headers()).containsEntry("idempotency-key", day + "-r1-resend-1").containsEntry("x-digest-resend", "true");
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
        assertThat(sentMails()).containsOnlyKeys("<digest." + day + ".r1@example.com>", "<digest." + day + "-r1-resend-1@example.com>");
        assertThat(sentMails().get("<digest." + day + "-r1-resend-1@example.com>").getHeader("X-Digest-Resend")[0]).isEqualTo("true");
    }

    @Test
    void aRevisionIsMailedAsAReplyToRevisionOne() throws Exception {
        runOnce();
        web.serve("/news.rss", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                <item><title>Late story</title><link>%s</link><description>late</description></item>
                </channel></rss>""".formatted(web.url("/pages/loader.html?late=1")));
        runOnce();

        String date = outputFiles(".json").get(0).getFileName().toString().substring(0, 10);
        assertThat(sentMails()).containsOnlyKeys("<digest." + date + ".r1@example.com>", "<digest." + date + ".r2@example.com>");
        MimeMessage revision2 = sentMails().get("<digest." + date + ".r2@example.com>");
        assertThat(revision2.getSubject()).isEqualTo("日々のニュース要約 " + date + " (更新 2)");
        assertThat(revision2.getHeader("In-Reply-To")[0]).isEqualTo("<digest." + date + ".r1@example.com>");
        assertThat(revision2.getHeader("References")[0]).isEqualTo("<digest." + date + ".r1@example.com>");
        assertThat(web.requests("/hook").get(1).headers().get("idempotency-key")).isEqualTo(date + "-r2");
    }
}
