package dev.newsdigest.text;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/** How the files the product writes lay JSON out: two spaces per level, {@code "key": value}, {@code []} when empty. */
public final class JsonLayout {
    private JsonLayout() {
    }

    /** A new printer (Jackson's printers keep state while writing: one per writer). */
    public static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
