package org.openinfusion.station.clinical.protocol;

/** A protocol file is invalid: the message names the file, the field (as a path) and the problem. */
public final class ProtocolException extends RuntimeException {
    private final String file;
    private final String field;

    public ProtocolException(String file, String field, String problem) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }
}
