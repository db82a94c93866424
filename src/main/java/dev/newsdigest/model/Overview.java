package dev.newsdigest.model;

/** The day's overview and the model call that wrote it: {@code call} is null when no call was made (offline, cached, fallback). */
public record Overview(String text, DigestItem.Usage call) {
}
