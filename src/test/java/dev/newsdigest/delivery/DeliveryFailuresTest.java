package dev.newsdigest.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import dev.newsdigest.fetch.HttpStatusException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryFailuresTest {

    private static HttpStatusException http(int status, Map<String, String> headers) {
        return new HttpStatusException(status, java.net.URI.create("http://hook.example/x"), headers.get("Retry-After"));
    }

    @Test
    void httpServerErrorsTimeoutsAndRateLimitsAreTransientOtherClientErrorsAreNot() {
        assertThat(DeliveryFailures.isTransient(http(503, Map.of()))).isTrue();
        assertThat(DeliveryFailures.isTransient(http(500, Map.of()))).isTrue();
        assertThat(DeliveryFailures.isTransient(http(408, Map.of()))).isTrue();
        assertThat(DeliveryFailures.isTransient(http(429, Map.of()))).isTrue();
        assertThat(DeliveryFailures.isTransient(http(400, Map.of()))).isFalse();
        assertThat(DeliveryFailures.isTransient(http(401, Map.of()))).isFalse();
        assertThat(DeliveryFailures.isTransient(http(404, Map.of()))).isFalse();
    }

    @Test
    void connectionRefusedAndTimeoutsAreTransientEvenWhenWrapped() {
        assertThat(DeliveryFailures.isTransient(new MessagingException("could not connect", new ConnectException("refused")))).isTrue();
        assertThat(DeliveryFailures.isTransient(new RuntimeException(new SocketTimeoutException("read timed out")))).isTrue();
    }

    @Test
    void smtpFourHundredsAreTransientFiveHundredsAndAuthenticationErrorsAreNot() throws Exception {
        assertThat(DeliveryFailures.isTransient(new SMTPSendFailedException("DATA", 451, "451 try later", null, null, null, null))).isTrue();
        assertThat(DeliveryFailures.isTransient(new SMTPSendFailedException("DATA", 554, "554 rejected", null, null, null, null))).isFalse();
        assertThat(DeliveryFailures.isTransient(new MessagingException("send failed",
                new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT", 550, "550 no such user")))).isFalse();
        assertThat(DeliveryFailures.isTransient(new AuthenticationFailedException("535 bad credentials"))).isFalse();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(DeliveryFailures.retryAfter(http(429, Map.of("Retry-After", "7")))).contains(Duration.ofSeconds(7));
        assertThat(DeliveryFailures.retryAfter(http(503, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")))).contains(Duration.ZERO);
        assertThat(DeliveryFailures.retryAfter(http(503, Map.of()))).isEmpty();
        assertThat(DeliveryFailures.describe(new RuntimeException(http(400, Map.of())))).isEqualTo("HTTP 400 from http://hook.example/…"); // a webhook path may be its secret
    }
}
