package dev.newsdigest;

import dev.newsdigest.cli.FatalErrors;
import dev.newsdigest.cli.Launch;
import dev.newsdigest.cli.RunCommand;
import picocli.CommandLine;

/** The entry point: the command line ({@link RunCommand} and its subcommands in {@code cli/}) and its exit code. */
public final class DigestApplication {
    private DigestApplication() {
    }

    public static void main(String[] args) {
        FatalErrors.install(System.err);
        CommandLine cli = new CommandLine(new RunCommand());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("news-digest: " + e.getMessage() + " (see --help)");
            return Launch.USAGE;
        });
        System.exit(cli.execute(args));
    }
}
