package dev.newsdigest.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import dev.newsdigest.cli.Launch;
import dev.newsdigest.config.DatabaseSettings;
import org.apache.camel.main.Main;

/**
 * Several instances of news-digest in one JVM (a Camel Main each, with the real routes and the shipped settings) sharing
 * one PostgreSQL database; each has its own state folder and output folder under {@code work}.
 */
public final class Fleet implements AutoCloseable {
    private final List<Main> mains = new ArrayList<>();

    /** Starts {@code size} instances; {@code tune} adjusts each one's settings (by its index) before it starts. */
    public Fleet(int size, Path work, DatabaseSettings db, WebServer web, OpenAiStub model, BiConsumer<Integer, Map<String, String>> tune) {
        for (int i = 0; i < size; i++) {
            Map<String, String> p = new LinkedHashMap<>(Launch.ONCE);
            p.put("digest.feeds", "a,b");
            p.put("digest.feed.a.url", web.url("/a.rss"));
            p.put("digest.feed.b.url", web.url("/b.rss"));
            p.put("digest.llm.provider", "openai");
            p.put("digest.llm.base-url", model.baseUrl());
            p.put("digest.llm.model", "stub-model");
            p.put("digest.fetch.allow-private-addresses", "true");
            p.put("digest.cve.enabled", "false");
            p.put("digest.max-item-age", "36500d");
            p.put("digest.db.url", db.url());
            p.put("digest.db.user", db.user());
            p.put("digest.state.dir", work.resolve("state-" + i).toString());
            p.put("digest.output.dir", work.resolve("out-" + i).toString());
            tune.accept(i, p);
            Main main = Launch.newMain(p);
            try {
                main.start();
            } catch (Exception e) {
                close();
                throw new IllegalStateException(e);
            }
            mains.add(main);
        }
    }

    /** What an instance does in {@link #together}. */
    public interface Step {
        Object run(Main main) throws Exception;
    }

    /** Runs {@code step} on every instance at the same moment, and waits for all of them. */
    public void together(Step step) throws Exception {
        CyclicBarrier start = new CyclicBarrier(mains.size());
        ExecutorService pool = Executors.newFixedThreadPool(mains.size());
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (Main main : mains) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return step.run(main);
                }));
            }
            for (Future<Object> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls every feed on every instance at once (no publishing). */
    public void poll() throws Exception {
        together(main -> Launch.runOnce(main, true, false));
    }

    /** Every instance reaches the close at once: each pending day, today included, published and delivered. */
    public void close(boolean alsoToday) throws Exception {
        together(main -> Launch.runOnce(main, false, alsoToday));
    }

    @Override
    public void close() {
        mains.forEach(Main::stop);
    }
}
