package org.openinfusion.station.clinical.audit;

/**
 * The first place where an audit file's chain breaks.
 *
 * @param line 1-based line number in the file
 * @param sequence the sequence number written on that line, or -1 when it could not be read
 */
public record BrokenLink(long line, long sequence, AuditProblem problem, String detail) {
    @Override
    public String toString() {
        return "line " + line + (sequence >= 0 ? " (seq " + sequence + ")" : "") + ": " + problem + ": " + detail;
    }
}
