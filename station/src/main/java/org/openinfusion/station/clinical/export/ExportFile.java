package org.openinfusion.station.clinical.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One written export: a suggested file name, its media type and its content, held either in memory ({@code content}:
 * UTF-8 text, or a ZIP for sdtm-xpt) or, for a file streamed as it was written (EDF+ in review), in a spool file
 * ({@code spooled}, {@code content} null) that its reader copies out and then deletes ({@link #copyTo}).
 */
public record ExportFile(String fileName, String mediaType, byte[] content, Path spooled) {
    public ExportFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        if ((content == null) == (spooled == null)) {
            throw new IllegalArgumentException("an export is held in memory or in a spool file: exactly one of them");
        }
    }

    /** An export held in memory. */
    public ExportFile(String fileName, String mediaType, byte[] content) {
        this(fileName, mediaType, Objects.requireNonNull(content, "content"), null);
    }

    /** The whole content in memory (a spooled file is read whole: for tests and small files). */
    @Override
    public byte[] content() {
        if (content != null) {
            return content;
        }
        try {
            return Files.readAllBytes(spooled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content's length in bytes. */
    public long size() {
        try {
            return content != null ? content.length : Files.size(spooled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the content to {@code out} (a spooled file as a stream, never whole in memory), then deletes the spool file. */
    public void copyTo(OutputStream out) throws IOException {
        if (content != null) {
            out.write(content);
            return;
        }
        try {
            Files.copy(spooled, out);
        } finally {
            discard();
        }
    }

    /** Deletes the spool file, if any (an export nobody fetched). */
    public void discard() {
        if (spooled != null) {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
