package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java ... org.openinfusion.station.clinical.audit.AuditVerifyMain FILE}: prints OK or the first
 * broken link; exits 0 when the chain is intact, 1 when it is broken, 2 on a usage or read error.
 */
public final class AuditVerifyMain {
    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int ERROR = 2;

    private AuditVerifyMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: AuditVerifyMain FILE");
            return ERROR;
        }
        Path file = Path.of(args[0]);
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
