package dev.newsdigest.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An organisation an article says was attacked: {@code name} in English, {@code original} as the article writes it. */
@JsonPropertyOrder({"name", "original"})
public record Victim(String name, String original) {
}
