package com.example.digest.digest;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.digest.feed.Article;
import com.example.digest.state.StateStore;
import com.example.digest.summarize.Items;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores each finished item in its day's aggregation; from then on the article counts as done. */
public class Collector {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

    private final StateStore store;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger summarised = new AtomicInteger();
    private final AtomicInteger fallbacks = new AtomicInteger();

    public Collector(StateStore store) {
        this.store = store;
    }

    public void news(Article claimed, DigestItem item) {
        store.complete(claimed, DigestPublisher.NEWS, write(item));
        int n = summarised.incrementAndGet();
        int f = item.summarizedBy().equals("offline-fallback") ? fallbacks.incrementAndGet() : fallbacks.get();
        LOG.info("collect-item: {} for {} ({}), summarised {} so far ({} fallback)", claimed.url(), claimed.day(),
                item.summarizedBy(), n, f);
    }

    public void incident(Article claimed) {
        store.complete(claimed, DigestPublisher.INCIDENT, write(Items.incident(claimed)));
        LOG.info("collect-item: incident {} for {}", claimed.url(), claimed.day());
    }

    private String write(Object item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
