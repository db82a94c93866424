package com.example.digest.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Japanese breach incident: listed by title and link, never summarised. */
@JsonPropertyOrder({"source", "title", "url", "publishedAt"})
public record Incident(String source, String title, String url, String publishedAt) {
}
