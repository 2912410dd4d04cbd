package org.openinfusion.station.clinical.export;

import java.util.Objects;

/** One written export: a suggested file name, its media type and its bytes (UTF-8 text, or a ZIP for sdtm-xpt). */
public record ExportFile(String fileName, String mediaType, byte[] content) {
    public ExportFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }
}
