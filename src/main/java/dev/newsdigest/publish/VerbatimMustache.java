package dev.newsdigest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import com.github.mustachejava.DefaultMustacheFactory;

/**
 * Mustache that writes values as they are: Mustache's own escaping is for HTML, and the digest's templates (Markdown,
 * ticket requests) get values already escaped for where they go.
 */
public final class VerbatimMustache extends DefaultMustacheFactory {
    /** Templates compiled from strings. */
    public VerbatimMustache() {
        super();
    }

    /** Templates read from the classpath folder {@code resourceRoot}. */
    public VerbatimMustache(String resourceRoot) {
        super(resourceRoot);
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
