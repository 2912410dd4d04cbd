package org.openinfusion.station.clinical.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Each SDTM data set the station writes: its label, class and structure, and each variable's label, type and core
 * (Required: never null; Expected: always a column, null allowed; Permissible), as the SDTM Implementation Guide (3.4)
 * gives them for these domains. The XPT files and define.xml are written from this table; SdtmSpecTest enforces it on
 * every data set.
 */
final class SdtmSpec {
    enum Core { REQ, EXP, PERM }

    record Var(String name, String label, boolean numeric, Core core) {
    }

    record Domain(String name, String label, String klass, String structure, List<Var> variables) {
        /** A variable by name; TSVAL1, TSVAL2, ... continue TSVAL (Permissible). */
        Var variable(String name) {
            if (this.name.equals("TS") && name.matches("TSVAL[1-9][0-9]?")) {
                return new Var(name, "Parameter Value " + name.substring(5), false, Core.PERM);
            }
            return variables.stream().filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException(this.name + " has no variable " + name));
        }
    }

    /** Every data set, in the order of define.xml. */
    static final List<String> ORDER = List.of("TS", "DM", "EC", "SUPPEC", "AE", "SUPPAE", "VS", "SUPPVS", "QS", "RS", "CM", "SUPPCM");

    private static final Map<String, Domain> DOMAINS = new LinkedHashMap<>();

    static {
        put("TS", "Trial Summary", "TRIAL DESIGN", "One record per trial summary parameter value",
                v("STUDYID", "Study Identifier", Core.REQ), v("DOMAIN", "Domain Abbreviation", Core.REQ),
                n("TSSEQ", "Sequence Number", Core.REQ), v("TSPARMCD", "Trial Summary Parameter Short Name", Core.REQ),
                v("TSPARM", "Trial Summary Parameter", Core.REQ), v("TSVAL", "Parameter Value", Core.EXP),
                v("TSVALNF", "Parameter Null Flavor", Core.PERM), v("TSVALCD", "Parameter Value Code", Core.EXP),
                v("TSVCDREF", "Name of the Reference Terminology", Core.EXP),
                v("TSVCDVER", "Version of the Reference Terminology", Core.EXP));
        put("DM", "Demographics", "SPECIAL PURPOSE", "One record per subject",
                v("STUDYID", "Study Identifier", Core.REQ), v("DOMAIN", "Domain Abbreviation", Core.REQ),
                v("USUBJID", "Unique Subject Identifier", Core.REQ), v("SUBJID", "Subject Identifier for the Study", Core.REQ),
                v("RFSTDTC", "Subject Reference Start Date/Time", Core.EXP), v("RFENDTC", "Subject Reference End Date/Time", Core.EXP),
                v("RFXSTDTC", "Date/Time of First Study Treatment", Core.EXP),
                v("RFXENDTC", "Date/Time of Last Study Treatment", Core.EXP), v("SITEID", "Study Site Identifier", Core.REQ),
                n("AGE", "Age", Core.EXP), v("AGEU", "Age Units", Core.EXP), v("SEX", "Sex", Core.REQ), v("RACE", "Race", Core.EXP),
                v("ARMCD", "Planned Arm Code", Core.REQ), v("ARM", "Description of Planned Arm", Core.REQ),
                v("ACTARMCD", "Actual Arm Code", Core.REQ), v("ACTARM", "Description of Actual Arm", Core.REQ),
                v("COUNTRY", "Country", Core.REQ));
        put("EC", "Exposure as Collected", "INTERVENTIONS", "One record per protocol-specified study treatment, collected-dosing interval, per subject, per mood",
                v("STUDYID", "Study Identifier", Core.REQ), v("DOMAIN", "Domain Abbreviation", Core.REQ),
                v("USUBJID", "Unique Subject Identifier", Core.REQ), n("ECSEQ", "Sequence Number", Core.REQ),
                v("ECTRT", "Name of Treatment", Core.REQ), v("ECCAT", "Category of Treatment", Core.PERM),
                v("ECMOOD", "Mood", Core.PERM), n("ECDOSE", "Dose", Core.EXP), v("ECDOSU", "Dose Units", Core.EXP),
                v("ECDOSFRM", "Dose Form", Core.EXP), v("ECROUTE", "Route of Administration", Core.PERM),
                v("ECADJ", "Reason for Dose Adjustment", Core.PERM), v("ECREFID", "Reference ID", Core.PERM),
                n("VISITNUM", "Visit Number", Core.PERM), v("VISIT", "Visit Name", Core.PERM), v("EPOCH", "Epoch", Core.PERM),
                v("ECSTDTC", "Start Date/Time of Treatment", Core.EXP), v("ECENDTC", "End Date/Time of Treatment", Core.EXP));
        put("AE", "Adverse Events", "EVENTS", "One record per adverse event per subject",
                v("STUDYID", "Study Identifier", Core.REQ), v("DOMAIN", "Domain Abbreviation", Core.REQ),
                v("USUBJID", "Unique Subject Identifier", Core.REQ), n("AESEQ", "Sequence Number", Core.REQ),
                v("AETERM", "Reported Term for the Adverse Event", Core.REQ),
                v("AEDECOD", "Dictionary-Derived Term", Core.REQ), v("AECAT", "Category for Adverse Event", Core.PERM),
                v("AEBODSYS", "Body System or Organ Class", Core.EXP), v("AESEV", "Severity/Intensity", Core.PERM),
                v("AESER", "Serious Event", Core.EXP), v("AEACN", "Action Taken with Study Treatment", Core.EXP),
                v("AEREL", "Causality", Core.EXP), n("VISITNUM", "Visit Number", Core.PERM), v("VISIT", "Visit Name", Core.PERM), v("EPOCH", "Epoch", Core.PERM),
                v("AESTDTC", "Start Date/Time of Adverse Event", Core.EXP), v("AEENDTC", "End Date/Time of Adverse Event", Core.EXP),
                v("AEOUT", "Outcome of Adverse Event", Core.PERM));
        put("VS", "Vital Signs", "FINDINGS", "One record per vital sign measurement per time point per visit per subject",
                v("STUDYID", "Study Identifier", Core.REQ), v("DOMAIN", "Domain Abbreviation", Core.REQ),
                v("USUBJID", "Unique Subject Identifier", Core.REQ), n("VSSEQ", "Sequence Number", Core.REQ),
                v("VSGRPID", "Group ID", Core.PERM), v("VSTESTCD", "Vital Signs Test Short Name", Core.REQ),
                v("VSTEST", "Vital Signs Test Name", Core.REQ), v("VSORRES", "Result or Finding in Original Units", Core.EXP),
                v("VSORRESU", "Original Units", Core.EXP), v("VSSTRESC", "Character Result/Finding in Std Format", Core.EXP),
                n("VSSTRESN", "Numeric Result/Finding in Standard Units", Core.EXP), v("VSSTRESU", "Standard Units", Core.EXP),
                v("VSLOBXFL", "Last Observation Before Exposure Flag", Core.EXP),
                n("VISITNUM", "Visit Number", Core.EXP), v("VISIT", "Visit Name", Core.PERM),
                n("VISITDY", "Planned Study Day of Visit", Core.PERM), v("EPOCH", "Epoch", Core.PERM),
                v("VSDTC", "Date/Time of Measurements", Core.EXP), v("VSTPT", "Planned Time Point Name", Core.PERM),
                n("VSTPTNUM", "Planned Time Point Number", Core.PERM), v("VSELTM", "Planned Elapsed Time from Time Point Ref", Core.PERM),
                v("VSTPTREF", "Time Point Reference", Core.PERM), v("VSRFTDTC", "Date/Time of Reference Time Point", Core.PERM));
        for (String d : List.of("QS", "RS")) {
            put(d, d.equals("QS") ? "Questionnaires" : "Disease Response and Clin Classification", "FINDINGS",
                    "One record per test per time point per visit per subject",
                    v("STUDYID", "Study Identifier", Core.REQ), v("DOMAIN", "Domain Abbreviation", Core.REQ),
                    v("USUBJID", "Unique Subject Identifier", Core.REQ), n(d + "SEQ", "Sequence Number", Core.REQ),
                    v(d + "GRPID", "Group ID", Core.PERM), v(d + "TESTCD", d.equals("QS") ? "Question Short Name" : "Assessment Short Name", Core.REQ),
                    v(d + "TEST", d.equals("QS") ? "Question Name" : "Assessment Name", Core.REQ),
                    v(d + "CAT", "Category", d.equals("QS") ? Core.REQ : Core.EXP), v(d + "SCAT", "Subcategory", Core.PERM),
                    v(d + "ORRES", "Result or Finding in Original Units", Core.EXP),
                    v(d + "STRESC", "Character Result/Finding in Std Format", Core.EXP),
                    n(d + "STRESN", "Numeric Result/Finding in Standard Units", Core.PERM),
                    v(d + "STAT", "Completion Status", Core.PERM), v(d + "REASND", "Reason Not Done", Core.PERM),
                    v(d + "LOBXFL", "Last Observation Before Exposure Flag", Core.EXP), v(d + "DRVFL", "Derived Flag", Core.PERM),
                    v(d + "EVAL", "Evaluator", Core.PERM), n("VISITNUM", "Visit Number", Core.EXP), v("VISIT", "Visit Name", Core.PERM),
                    n("VISITDY", "Planned Study Day of Visit", Core.PERM), v("EPOCH", "Epoch", Core.PERM),
                    v(d + "DTC", "Date/Time of Finding", Core.EXP), v(d + "TPT", "Planned Time Point Name", Core.PERM),
                    n(d + "TPTNUM", "Planned Time Point Number", Core.PERM),
                    v(d + "ELTM", "Planned Elapsed Time from Time Point Ref", Core.PERM), v(d + "TPTREF", "Time Point Reference", Core.PERM),
                    v(d + "RFTDTC", "Date/Time of Reference Time Point", Core.PERM));
        }
        put("CM", "Concomitant/Concurrent Medications", "INTERVENTIONS", "One record per recorded medication occurrence or constant-dosing interval per subject",
                v("STUDYID", "Study Identifier", Core.REQ), v("DOMAIN", "Domain Abbreviation", Core.REQ),
                v("USUBJID", "Unique Subject Identifier", Core.REQ), n("CMSEQ", "Sequence Number", Core.REQ),
                v("CMTRT", "Reported Name of Drug, Med, or Therapy", Core.REQ), v("CMCAT", "Category for Medication", Core.PERM),
                n("CMDOSE", "Dose per Administration", Core.PERM), v("CMDOSU", "Dose Units", Core.PERM),
                v("CMROUTE", "Route of Administration", Core.PERM), n("VISITNUM", "Visit Number", Core.PERM),
                v("VISIT", "Visit Name", Core.PERM), v("EPOCH", "Epoch", Core.PERM),
                v("CMSTDTC", "Start Date/Time of Medication", Core.PERM));
        for (String parent : List.of("EC", "AE", "VS", "CM")) {
            put("SUPP" + parent, "Supplemental Qualifiers for " + parent, "RELATIONSHIP",
                    "One record per IDVAR, IDVARVAL, and QNAM value per subject",
                    v("STUDYID", "Study Identifier", Core.REQ), v("RDOMAIN", "Related Domain Abbreviation", Core.REQ),
                    v("USUBJID", "Unique Subject Identifier", Core.REQ), v("IDVAR", "Identifying Variable", Core.EXP),
                    v("IDVARVAL", "Identifying Variable Value", Core.EXP), v("QNAM", "Qualifier Variable Name", Core.REQ),
                    v("QLABEL", "Qualifier Variable Label", Core.REQ), v("QVAL", "Data Value", Core.REQ),
                    v("QORIG", "Origin", Core.REQ), v("QEVAL", "Evaluator", Core.EXP));
        }
    }

    private SdtmSpec() {
    }

    private static Var v(String name, String label, Core core) {
        return new Var(name, label, false, core);
    }

    private static Var n(String name, String label, Core core) {
        return new Var(name, label, true, core);
    }

    private static void put(String name, String label, String klass, String structure, Var... vars) {
        DOMAINS.put(name, new Domain(name, label, klass, structure, List.of(vars)));
    }

    static Domain domain(String name) {
        Domain d = DOMAINS.get(name);
        if (d == null) {
            throw new NoSuchElementException("no SDTM data set " + name);
        }
        return d;
    }

    /**
     * A data set as an XPORT member: the columns of {@code table} in its order, each with the table's label and type;
     * character lengths the longest value's UTF-8 bytes (at least 1), numbers parsed (empty = missing).
     * @throws IllegalStateException when a column is not in the table or a numeric cell is not a number
     */
    static Xpt.Dataset dataset(String name, Csv table) {
        Domain d = domain(name);
        List<Var> vars = table.header().stream().map(d::variable).toList();
        List<Xpt.Variable> variables = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Var v = vars.get(i);
            int col = i;
            int length = v.numeric() ? 8 : Math.max(1, table.rows().stream()
                    .mapToInt(r -> r.get(col).getBytes(StandardCharsets.UTF_8).length).max().orElse(1));
            variables.add(new Xpt.Variable(v.name(), v.label(), v.numeric(), length));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> r : table.rows()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                String cell = r.get(i);
                if (!vars.get(i).numeric()) {
                    row.add(cell);
                } else if (cell.isEmpty()) {
                    row.add(null);
                } else {
                    try {
                        row.add(Double.valueOf(cell));
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException(name + "." + vars.get(i).name() + " holds '" + cell + "', not a number");
                    }
                }
            }
            rows.add(row);
        }
        return new Xpt.Dataset(name, d.label(), variables, rows);
    }
}
