package dev.newsdigest.model;


/** An article with the text the model will read, and where that text came from ({@code page} or {@code feed}). */
public record EnrichedArticle(Article article, String text, String textSource) {
}
