package dev.newsdigest.intel;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * An answer of the server that carries the TAXII collection: its status, headers and JSON body (UTF-8). Written into
 * the exchange in place of the request, whose headers (its {@code Authorization} among them) must never be echoed back.
 */
public record HttpAnswer(int status, String contentType, Map<String, Object> headers, byte[] body) {
    /** The media type of every TAXII 2.1 answer, errors included. */
    public static final String TAXII = "application/taxii+json;version=2.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    /** A {@code status} answer of a TAXII resource. */
    static HttpAnswer json(int status, JsonNode body, Map<String, Object> headers) {
        try {
            return new HttpAnswer(status, TAXII, headers, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a TAXII resource cannot be written", e);
        }
    }

    /** A TAXII error message (TAXII 2.1, 3.6.1): {@code title}, {@code description} and the status, as a string. */
    public static HttpAnswer error(int status, String title, String description, Map<String, Object> headers) {
        ObjectNode error = JSON.createObjectNode();
        error.put("title", title);
        error.put("description", description);
        error.put("http_status", Integer.toString(status));
        return json(status, error, headers);
    }

    /** Replaces the request in {@code message} (headers and body) with this answer. */
    public void writeTo(Message message) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("X-Content-Type-Options", "nosniff");
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
