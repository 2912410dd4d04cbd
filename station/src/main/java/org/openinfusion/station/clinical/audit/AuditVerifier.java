package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks an audit file from its first line and reports OK or the first broken link. */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    /**
     * Verifies the file as it is now. A last line without its line end is intact when it is a whole entry that
     * continues the chain: the writer fsyncs each entry before it adds the line end (docs/audit.md, "When a write
     * fails"), so a running station's file can be read in between. Anything else there is a cut-short append.
     */
    public static VerifyResult verify(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Outcome outcome = check(text);
        Optional<BrokenLink> broken = outcome.broken();
        if (broken.isPresent() && broken.get().problem() == AuditProblem.UNTERMINATED_LINE
                && outcome.chain().accept(broken.get().line(), text.substring(text.lastIndexOf('\n') + 1)).isEmpty()) {
            return new Outcome(outcome.chain(), Optional.empty()).result();
        }
        return outcome.result();
    }

    /** The chain state after checking the text, and where it broke (if it did). */
    record Outcome(ChainCheck chain, Optional<BrokenLink> broken) {
        VerifyResult result() {
            return new VerifyResult(chain.entries(), chain.lastHash(), broken);
        }
    }

    static Outcome check(String text) {
        ChainCheck chain = new ChainCheck();
        String[] parts = text.split("\n", -1);
        int complete = parts.length - 1;
        for (int i = 0; i < complete; i++) {
            Optional<BrokenLink> broken = chain.accept(i + 1, parts[i]);
            if (broken.isPresent()) {
                return new Outcome(chain, broken);
            }
        }
        String tail = parts[complete];
        if (!tail.isEmpty()) {
            return new Outcome(chain, Optional.of(new BrokenLink(complete + 1, -1, AuditProblem.UNTERMINATED_LINE,
                    "last line has no line end (" + tail.length() + " characters): an append was cut short")));
        }
        return new Outcome(chain, Optional.empty());
    }
}
