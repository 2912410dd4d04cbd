package org.openinfusion.station.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs one command line the same way for every entry point: {@code --help} and {@code --version} print and exit
 * {@value #OK}; an unknown option, a missing or malformed value exits {@value #USAGE} with the problem and the usage
 * on standard error; the command itself returns {@value #OK} when done and {@value #FAILED} when the work failed.
 */
final class Commands {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Commands() {
    }

    static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((e, a) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("error: " + e.getMessage());
            e.getCommandLine().usage(w);
            return USAGE;
        });
        line.setExecutionExceptionHandler((e, l, p) -> {
            l.getErr().println("error: " + e.getMessage());
            return FAILED;
        });
        return line.execute(args);
    }

    /** Prints the problem and the usage to standard error; returns {@value #USAGE}. */
    static int usage(CommandLine.Model.CommandSpec spec, String problem) {
        PrintWriter w = spec.commandLine().getErr();
        w.println("error: " + problem);
        spec.commandLine().usage(w);
        return USAGE;
    }
}
