package org.openinfusion.station.clinical.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SAS transport file, version 5 (XPORT), of one data set, as the FDA takes SDTM: written from the public layout
 * (SAS technical support document TS-140, "The Record Layout of a SAS Version 5 or 6 Data Set in SAS Transport
 * (XPORT) Format"). 80-byte records; a library header, a member header with the data set's name (at most 8
 * characters) and label (at most 40), one 140-byte namestr per variable (name at most 8 characters, label at most
 * 40), then the observations: character values blank-padded to the variable's length (at most 200 bytes, UTF-8),
 * numbers as 8-byte IBM System/360 floating point (a missing number is '.' then zeros); the last record is padded with
 * blanks. Names, labels and values that break these limits are refused, never cut.
 */
final class Xpt {
    static final int MAX_CHAR = 200;
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,7}");
    private static final DateTimeFormatter SAS_DATE = DateTimeFormatter.ofPattern("ddMMMyy:HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String BANG_ZEROS = "!!!!!!!000000000000000000000000000000  ";

    /** A variable: numeric (8-byte IBM float) or character of {@code length} bytes. */
    record Variable(String name, String label, boolean numeric, int length) {
    }

    /** A data set: its rows hold, per variable, a String (character) or a Double or null (numeric; null = missing). */
    record Dataset(String name, String label, List<Variable> variables, List<List<Object>> rows) {
    }

    private Xpt() {
    }

    /** @throws IllegalArgumentException when a name, label or value breaks the format's limits */
    static byte[] write(Dataset d, Instant created) {
        check(d);
        String when = SAS_DATE.format(created).toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record(out, "HEADER RECORD*******LIBRARY HEADER RECORD" + BANG_ZEROS);
        record(out, pad("SAS", 8) + pad("SAS", 8) + pad("SASLIB", 8) + pad("9.4", 8) + pad("JAVA", 8) + pad("", 24) + when);
        record(out, when + pad("", 64));
        record(out, "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ");
        record(out, "HEADER RECORD*******DSCRPTR HEADER RECORD" + BANG_ZEROS);
        record(out, pad("SAS", 8) + pad(d.name(), 8) + pad("SASDATA", 8) + pad("9.4", 8) + pad("JAVA", 8) + pad("", 24) + when);
        record(out, when + pad("", 16) + pad(d.label(), 40) + pad("", 8));
        record(out, "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000" + String.format(Locale.ROOT, "%04d", d.variables().size())
                + "00000000000000000000  ");
        ByteArrayOutputStream namestrs = new ByteArrayOutputStream();
        int position = 0;
        for (int i = 0; i < d.variables().size(); i++) {
            Variable v = d.variables().get(i);
            ByteBuffer b = ByteBuffer.allocate(140);
            b.putShort((short) (v.numeric() ? 1 : 2)).putShort((short) 0).putShort((short) v.length()).putShort((short) (i + 1));
            b.put(ascii(pad(v.name(), 8))).put(ascii(pad(v.label(), 40))).put(ascii(pad("", 8)));
            b.putShort((short) 0).putShort((short) 0).putShort((short) 0).put(new byte[2]);
            b.put(ascii(pad("", 8))).putShort((short) 0).putShort((short) 0).putInt(position);
            namestrs.writeBytes(b.array());
            position += v.length();
        }
        padded(out, namestrs.toByteArray());
        record(out, "HEADER RECORD*******OBS     HEADER RECORD" + BANG_ZEROS);
        ByteArrayOutputStream obs = new ByteArrayOutputStream();
        for (List<Object> row : d.rows()) {
            for (int i = 0; i < d.variables().size(); i++) {
                Variable v = d.variables().get(i);
                Object value = row.get(i);
                if (v.numeric()) {
                    obs.writeBytes(ibm(value == null ? null : (Double) value));
                } else {
                    byte[] text = utf8(value);
                    obs.writeBytes(text);
                    byte[] blanks = new byte[v.length() - text.length];
                    Arrays.fill(blanks, (byte) ' ');
                    obs.writeBytes(blanks);
                }
            }
        }
        padded(out, obs.toByteArray());
        return out.toByteArray();
    }

    private static void check(Dataset d) {
        name(d.name(), "data set");
        label(d.label(), d.name());
        for (Variable v : d.variables()) {
            name(v.name(), "variable of " + d.name());
            label(v.label(), d.name() + "." + v.name());
            if (v.numeric() ? v.length() != 8 : v.length() < 1 || v.length() > MAX_CHAR) {
                throw new IllegalArgumentException(d.name() + "." + v.name() + ": length " + v.length()
                        + " (numbers take 8 bytes, text 1 to " + MAX_CHAR + ")");
            }
        }
        for (int r = 0; r < d.rows().size(); r++) {
            List<Object> row = d.rows().get(r);
            if (row.size() != d.variables().size()) {
                throw new IllegalArgumentException(d.name() + " row " + (r + 1) + " has " + row.size() + " values for "
                        + d.variables().size() + " variables");
            }
            for (int i = 0; i < row.size(); i++) {
                Variable v = d.variables().get(i);
                Object value = row.get(i);
                boolean fits = v.numeric() ? value == null || value instanceof Double x && Double.isFinite(x)
                        : value == null || value instanceof String s && utf8(s).length <= v.length();
                if (!fits) {
                    throw new IllegalArgumentException(d.name() + "." + v.name() + " row " + (r + 1) + ": the value does not fit a "
                            + (v.numeric() ? "finite number" : v.length() + "-byte text"));
                }
            }
        }
    }

    private static void name(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' is not 1-8 capitals, digits and underscores starting with a letter");
        }
    }

    private static void label(String label, String what) {
        if (label == null || label.length() > 40 || !StandardCharsets.US_ASCII.newEncoder().canEncode(label)) {
            throw new IllegalArgumentException(what + ": the label '" + label + "' is not at most 40 ASCII characters");
        }
    }

    /**
     * An IEEE double as IBM System/360 double precision: sign bit, 7-bit excess-64 exponent of 16, 56-bit fraction.
     * Every IEEE double of normal range is exact in it (53 significant bits fit 56 whatever the hex shift).
     */
    static byte[] ibm(Double value) {
        byte[] b = new byte[8];
        if (value == null) {
            b[0] = '.';
            return b;
        }
        double x = value;
        if (x == 0) {
            return b;
        }
        long bits = Double.doubleToLongBits(x);
        int exp2 = (int) ((bits >>> 52) & 0x7ff) - 1023;
        if (exp2 == -1023) {
            throw new IllegalArgumentException("a subnormal number " + x + " has no IBM floating-point form here");
        }
        long mantissa = (bits & ((1L << 52) - 1)) | (1L << 52);
        int shift = Math.floorMod(exp2, 4);
        int exponent = (exp2 + 4 - shift) / 4 + 64;
        if (exponent < 0 || exponent > 127) {
            throw new IllegalArgumentException("the number " + x + " is out of IBM floating-point range");
        }
        long fraction = mantissa << shift;
        b[0] = (byte) ((x < 0 ? 0x80 : 0) | exponent);
        for (int i = 1; i < 8; i++) {
            b[i] = (byte) (fraction >>> (8 * (7 - i)));
        }
        return b;
    }

    private static void record(ByteArrayOutputStream out, String text) {
        byte[] b = ascii(text);
        if (b.length != 80) {
            throw new IllegalStateException("a transport record of " + b.length + " bytes");
        }
        out.writeBytes(b);
    }

    private static void padded(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(bytes);
        int rest = (80 - bytes.length % 80) % 80;
        byte[] blanks = new byte[rest];
        Arrays.fill(blanks, (byte) ' ');
        out.writeBytes(blanks);
    }

    private static String pad(String s, int width) {
        if (s.length() > width) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + width);
        }
        return s + " ".repeat(width - s.length());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(Object value) {
        return value == null ? new byte[0] : ((String) value).getBytes(StandardCharsets.UTF_8);
    }
}
