package org.openinfusion.station.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openinfusion.station.clinical.audit.AnchorCheck;
import org.openinfusion.station.clinical.audit.AuditAnchor;
import org.openinfusion.station.clinical.audit.AuditVerifier;
import org.openinfusion.station.clinical.audit.Checkpoint;
import org.openinfusion.station.clinical.audit.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code AuditVerifyMain FILE} ({@code bin/audit-verify}): checks the hash chain, then the station's signed
 * checkpoints (docs/audit.md, "Anchoring"); prints OK or what is wrong, with one exit code per finding.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true, version = "infusion station 0.1.0",
        description = "Verifies an audit trail's hash chain and its signed checkpoints.",
        footer = {"Exit 0 intact (and matching its checkpoints when there are any), 1 EDITED (chain broken), 2 usage or read error,",
                "3 TRUNCATED, 4 REWRITTEN (re-chained), 5 KEY_MISMATCH, 6 BAD_SIGNATURE (checkpoint edited or forged),",
                "7 ANCHOR_MISSING (a key or head exists but no checkpoint)."})
public final class AuditVerifyMain implements Callable<Integer> {
    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int ERROR = 2;
    public static final int TRUNCATED = 3;
    public static final int REWRITTEN = 4;
    public static final int KEY_MISMATCH = 5;
    public static final int BAD_SIGNATURE = 6;
    public static final int ANCHOR_MISSING = 7;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the audit trail ({dataDir}/audit/audit.log)")
    private Path file;

    @Option(names = "--checkpoints", paramLabel = "FILE", description = "the signed checkpoints (default: FILE.checkpoints)")
    private Path checkpoints;

    @Option(names = "--head", paramLabel = "FILE", description = "the last signed head (default: FILE's ../../keys/audit.head)")
    private Path head;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "the station's public key, as given to the auditor (default: FILE's ../../keys/audit-signing.pub)")
    private Path publicKey;

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
        Path keys = file.toAbsolutePath().getParent().resolveSibling("keys");
        Path cps = checkpoints != null ? checkpoints : AuditAnchor.checkpointsOf(file);
        Path hd = head != null ? head : keys.resolve(AuditAnchor.HEAD);
        Path pub = publicKey != null ? publicKey : keys.resolve(AuditAnchor.PUBLIC_KEY);
        try {
            VerifyResult result = AuditVerifier.verify(file);
            if (!result.intact()) {
                out.println(file + ": EDITED: " + result);
                return BROKEN;
            }
            boolean anchored = Files.exists(cps) || Files.exists(hd) || Files.exists(pub);
            if (!anchored) {
                out.println(file + ": " + result + " (no signed checkpoints found: truncation and rewriting cannot be checked)");
                return INTACT;
            }
            if (!Files.exists(pub)) {
                err.println(pub + ": no public key; give the station's with --public-key");
                return ERROR;
            }
            PublicKey key = AuditAnchor.readPublic(pub);
            List<Checkpoint> known = AuditAnchor.readAll(cps, hd);
            Optional<AnchorCheck.Finding> finding = AnchorCheck.checkFile(file, result.entries(), known, key);
            if (finding.isPresent()) {
                AnchorCheck.Finding f = finding.get();
                out.println(file + ": " + f);
                return switch (f.problem()) {
                    case TRUNCATED -> TRUNCATED;
                    case REWRITTEN -> REWRITTEN;
                    case KEY_MISMATCH -> KEY_MISMATCH;
                    case BAD_SIGNATURE -> BAD_SIGNATURE;
                    case ANCHOR_MISSING -> ANCHOR_MISSING;
                };
            }
            long signed = known.stream().mapToLong(Checkpoint::seq).max().orElse(0);
            out.println(file + ": " + result + "; matches " + known.size() + " signed checkpoints of key " + Checkpoint.keyId(key)
                    + " up to entry " + signed + (result.entries() > signed ? " (" + (result.entries() - signed)
                    + " later entries not yet signed)" : ""));
            return INTACT;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return ERROR;
        }
    }
}
