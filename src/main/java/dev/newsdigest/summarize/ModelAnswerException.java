package dev.newsdigest.summarize;

/** The model answered, but not with JSON that fits the schema. */
public class ModelAnswerException extends RuntimeException {
    public ModelAnswerException(String message) {
        super(message);
    }
}
