package dev.newsdigest.intel;

import dev.newsdigest.intel.pattern.STIXPatternLexer;
import dev.newsdigest.intel.pattern.STIXPatternParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Test tool: does a STIX 2.1 pattern parse? The grammar is src/test/antlr4/dev/newsdigest/intel/pattern/STIXPattern.g4
 * (its PROVENANCE.md says where it comes from); the parser is generated at build time, for tests only.
 */
public final class StixPatternGrammar {

    private StixPatternGrammar() {
    }

    /**
     * Parses {@code pattern} with the start rule {@code pattern} (which ends with EOF) and returns every lexer and
     * parser error as "line:column message" (column from 1); an empty list means the pattern parses whole.
     */
    public static List<String> errors(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        List<String> errors = new ArrayList<>();
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                    String message, RecognitionException e) {
                errors.add(line + ":" + (column + 1) + " " + message);
            }
        };
        STIXPatternLexer lexer = new STIXPatternLexer(CharStreams.fromString(pattern));
        lexer.removeErrorListeners();
        lexer.addErrorListener(collect);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        STIXPatternParser parser = new STIXPatternParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(collect);
        parser.pattern();
        // the start rule ends with EOF, so this only fires if that ever changes
        Token next = tokens.LT(1);
        if (next.getType() != Token.EOF) {
            errors.add(next.getLine() + ":" + (next.getCharPositionInLine() + 1) + " input left over at '"
                    + next.getText() + "'");
        }
        return errors;
    }
}
