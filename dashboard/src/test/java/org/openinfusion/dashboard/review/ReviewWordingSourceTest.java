package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Staff-facing wording of the review pages comes from the message bundle: no English written into a component, a
 * dialog title, a label, a choice or a message shown to the physician in the review package's Java, and every key the
 * package asks for is in the bundle.
 */
class ReviewWordingSourceTest {
    private static final Path PACKAGE = Path.of("src/main/java/org/openinfusion/dashboard/review");
    /** A literal with a letter where a person reads it: a component's text, a title, a label, a choice, a shown error. */
    private static final Pattern SHOWN = Pattern.compile("(?:new (?:Button|Span|H1|H2|H3|Paragraph|TextArea|TextField|PasswordField|Checkbox"
            + "|ListItem|RouterLink|Anchor|IllegalArgumentException|NativeLabel)\\(|\\.set(?:HeaderTitle|Label|Text|HelperText|Placeholder"
            + "|Header|SummaryText)\\(|Notification\\.show\\(|\\bfield\\(|\\bitem\\(\"[^\"]*\", |case [A-Z_]+ -> )\"([^\"]*[A-Za-z][^\"]*)\"");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/");
    /** A key written whole (a key built from a prefix, e.g. "export." + a format's key, is checked by its page's test). */
    private static final Pattern KEY = Pattern.compile("Text\\.get\\(\"([^\"]+)\"\\s*[,)]");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(PACKAGE)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void noStaffFacingEnglishIsWrittenInTheReviewPackagesJava() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
            Matcher m = SHOWN.matcher(code);
            while (m.find()) {
                found.add(file.getFileName() + ": \"" + m.group(1) + "\"");
            }
        }
        assertEquals(List.of(), found, "put these in messages.properties and use Text.get");
    }

    @Test
    void theRuleFindsEnglishWrittenIntoAComponent() {
        String code = "Button b = new Button(\"Sign...\"); d.setHeaderTitle(\"Amend this record\"); case NOTE -> \"Late note\";"
                + " s.setText(Text.get(\"review.ratings.none\")); b.setId(\"sign-open\");";
        List<String> hits = new ArrayList<>();
        Matcher m = SHOWN.matcher(code);
        while (m.find()) {
            hits.add(m.group(1));
        }
        assertEquals(List.of("Sign...", "Amend this record", "Late note"), hits);
    }

    @Test
    void everyKeyTheReviewPackageAsksForIsInTheBundle() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/openinfusion/dashboard/messages.properties")) {
            bundle.load(in);
        }
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            Matcher m = KEY.matcher(Files.readString(file));
            while (m.find()) {
                if (!bundle.containsKey(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
