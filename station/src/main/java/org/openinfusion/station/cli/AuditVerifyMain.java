package org.openinfusion.station.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openinfusion.station.clinical.audit.AuditVerifier;
import org.openinfusion.station.clinical.audit.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code AuditVerifyMain FILE} ({@code bin/audit-verify}): prints OK or the first broken link; exits 0 when the
 * chain is intact, 1 when it is broken, 2 on a usage or read error.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true, version = "infusion station 0.1.0",
        description = "Verifies an audit trail's hash chain and reports the first broken link.",
        footer = "Exit 0 intact, 1 broken, 2 usage or read error.")
public final class AuditVerifyMain implements Callable<Integer> {
    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int ERROR = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the audit trail (audit.log)")
    private Path file;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Commands.execute(new AuditVerifyMain(), args, out, err);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file");
            return ERROR;
        }
        try {
            VerifyResult result = AuditVerifier.verify(file);
            out.println(file + ": " + result);
            return result.intact() ? INTACT : BROKEN;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return ERROR;
        }
    }
}
