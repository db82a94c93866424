package dev.newsdigest.summarize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent cache of model answers under {@code digest.llm.cache-dir}, so that no token is spent twice: the key is
 * the provider, the model, the prompt version (a hash of the prompt templates as filled in, {@code digest.llm.context}
 * included, and the schema) and a hash of the input.
 * The same article processed again, even on fresh de-duplication state, makes no model call; a new prompt makes new keys.
 */
public class AnswerCache {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerCache.class);

    private final Path dir;
    private final String scope;

    public AnswerCache(Path dir, String provider, String model, String promptVersion) {
        this.dir = dir;
        this.scope = provider + "\u0000" + model + "\u0000" + promptVersion;
    }

    /** The cached raw answer for this input, if any. */
    public Optional<String> get(String input) {
        Path file = file(input);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            // a used entry stays: retention removes entries by age of last use
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("summarize-article: model-answer cache unreadable at {} ({}); calling the model", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a validated raw answer (written to a temporary file and renamed, so a crash leaves no half entry). */
    public void put(String input, String answer) {
        Path file = file(input);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".answer", ".tmp");
            Files.writeString(tmp, answer, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("summarize-article: could not cache a model answer at {} ({})", file, e.getMessage());
        }
    }

    private Path file(String input) {
        String key = sha256(scope + "\u0000" + input);
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
