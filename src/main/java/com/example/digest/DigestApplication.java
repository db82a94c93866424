package com.example.digest;

import com.example.digest.cli.FatalErrors;
import com.example.digest.cli.Launch;
import com.example.digest.cli.RunCommand;
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
