package org.openinfusion.station.clinical.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The SDTM data sets as a submission folder: one SAS XPORT v5 file per data set that has records ({@link Xpt},
 * lower-case name, e.g. dm.xpt), and a define.xml (Define-XML 2.0) describing each data set and variable from
 * {@link SdtmSpec}, in one ZIP file. Every --DTC is UTC without a zone designator, and define.xml says so.
 */
final class SdtmPackage {
    static final String DEFINE = "define.xml";
    private static final String UTC_COMMENT = "COM.UTC";

    private SdtmPackage() {
    }

    /** The data sets by name in {@link SdtmSpec#ORDER}, those without records left out (DM always has one per subject). */
    static Map<String, Csv> tables(Map<String, Csv> all) {
        Map<String, Csv> out = new LinkedHashMap<>();
        for (String name : SdtmSpec.ORDER) {
            Csv t = all.get(name);
            if (t != null && !t.rows().isEmpty()) {
                out.put(name, t);
            }
        }
        return out;
    }

    static byte[] zip(Map<String, Csv> all, Instant now) {
        Map<String, Csv> tables = tables(all);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, Csv> t : tables.entrySet()) {
                entry(zip, t.getKey().toLowerCase(Locale.ROOT) + ".xpt", Xpt.write(SdtmSpec.dataset(t.getKey(), t.getValue()), now), now);
            }
            entry(zip, DEFINE, define(tables, now).getBytes(StandardCharsets.UTF_8), now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content, Instant now) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /** Define-XML 2.0: one ItemGroupDef per data set, one ItemDef per variable, --DTC variables commented as UTC. */
    static String define(Map<String, Csv> tables, Instant now) {
        String study = tables.values().stream().flatMap(t -> t.rows().stream()).map(r -> r.getFirst()).findFirst().orElse("STUDY");
        StringBuilder x = new StringBuilder(8192);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:def=\"http://www.cdisc.org/ns/def/v2.0\"")
                .append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ODMVersion=\"1.3.2\" FileType=\"Snapshot\"")
                .append(" FileOID=\"openinfusion.define.").append(esc(study)).append("\" CreationDateTime=\"")
                .append(Sdtm.dtc(now)).append("\" Originator=\"openinfusion station\">\n")
                .append(" <Study OID=\"S.").append(esc(study)).append("\">\n  <GlobalVariables>\n   <StudyName>").append(esc(study))
                .append("</StudyName>\n   <StudyDescription>").append(esc(study)).append("</StudyDescription>\n   <ProtocolName>")
                .append(esc(study)).append("</ProtocolName>\n  </GlobalVariables>\n")
                .append("  <MetaDataVersion OID=\"MDV.1\" Name=\"Station SDTM\" def:DefineVersion=\"2.0.0\"")
                .append(" def:StandardName=\"SDTM-IG\" def:StandardVersion=\"3.4\">\n");
        for (Map.Entry<String, Csv> t : tables.entrySet()) {
            SdtmSpec.Domain d = SdtmSpec.domain(t.getKey());
            String name = d.name();
            x.append("   <ItemGroupDef OID=\"IG.").append(name).append("\" Name=\"").append(name).append("\" Repeating=\"")
                    .append(name.equals("DM") ? "No" : "Yes").append("\" IsReferenceData=\"").append(name.equals("TS") ? "Yes" : "No")
                    .append("\" SASDatasetName=\"").append(name).append("\"");
            if (!name.startsWith("SUPP")) {
                x.append(" Domain=\"").append(name).append("\"");
            }
            x.append(" Purpose=\"Tabulation\" def:Structure=\"").append(esc(d.structure())).append("\" def:Class=\"")
                    .append(d.klass()).append("\" def:ArchiveLocationID=\"LF.").append(name).append("\">\n")
                    .append("    <Description><TranslatedText xml:lang=\"en\">").append(esc(d.label())).append("</TranslatedText></Description>\n");
            List<String> header = t.getValue().header();
            for (int i = 0; i < header.size(); i++) {
                SdtmSpec.Var v = d.variable(header.get(i));
                x.append("    <ItemRef ItemOID=\"IT.").append(name).append('.').append(v.name()).append("\" OrderNumber=\"").append(i + 1)
                        .append("\" Mandatory=\"").append(v.core() == SdtmSpec.Core.REQ ? "Yes" : "No").append("\"/>\n");
            }
            x.append("    <def:leaf ID=\"LF.").append(name).append("\" xlink:href=\"").append(name.toLowerCase(Locale.ROOT))
                    .append(".xpt\"><def:title>").append(name.toLowerCase(Locale.ROOT)).append(".xpt</def:title></def:leaf>\n")
                    .append("   </ItemGroupDef>\n");
        }
        for (Map.Entry<String, Csv> t : tables.entrySet()) {
            SdtmSpec.Domain d = SdtmSpec.domain(t.getKey());
            Xpt.Dataset ds = SdtmSpec.dataset(d.name(), t.getValue());
            for (Xpt.Variable xv : ds.variables()) {
                SdtmSpec.Var v = d.variable(xv.name());
                boolean dtc = v.name().endsWith("DTC");
                String type = dtc ? "datetime" : !v.numeric() ? "text"
                        : v.name().matches(".*(SEQ|VISITNUM|TPTNUM|AGE)") ? "integer" : "float";
                x.append("   <ItemDef OID=\"IT.").append(d.name()).append('.').append(v.name()).append("\" Name=\"").append(v.name())
                        .append("\" DataType=\"").append(type).append("\"");
                if (!dtc && !type.equals("float")) {
                    x.append(" Length=\"").append(xv.length()).append("\"");
                }
                x.append(" SASFieldName=\"").append(v.name()).append("\"");
                if (dtc) {
                    x.append(" def:CommentOID=\"").append(UTC_COMMENT).append("\"");
                }
                x.append(">\n    <Description><TranslatedText xml:lang=\"en\">").append(esc(v.label()))
                        .append("</TranslatedText></Description>\n    <def:Origin Type=\"")
                        .append(v.name().endsWith("SEQ") || v.name().equals("USUBJID") || v.name().equals("DOMAIN") ? "Derived" : "Assigned")
                        .append("\"/>\n   </ItemDef>\n");
            }
        }
        x.append("   <def:CommentDef OID=\"").append(UTC_COMMENT).append("\"><Description><TranslatedText xml:lang=\"en\">")
                .append("ISO 8601 date/time in UTC (Coordinated Universal Time), to the second, written without a zone designator")
                .append("</TranslatedText></Description></def:CommentDef>\n")
                .append("  </MetaDataVersion>\n </Study>\n</ODM>\n");
        return x.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
