package org.openinfusion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceRulesTest {
    private static List<String> qualified(String source, String... packageTypes) {
        return SourceRules.inlineQualifiedNames("A.java", source, Set.of(packageTypes)).stream()
                .map(SourceRules.Finding::toString).toList();
    }

    private static List<String> sleeps(String source) {
        return SourceRules.unexplainedSleeps("T.java", source).stream().map(SourceRules.Finding::toString).toList();
    }

    @Test
    void anInlineQualifiedNameIsReportedWithItsLineAndTheImportToWrite() {
        assertEquals(List.of("A.java:4: java.util.concurrent.TimeUnit: import java.util.concurrent.TimeUnit and write TimeUnit"),
                qualified("package a;\n\nclass A {\n    long s = java.util.concurrent.TimeUnit.SECONDS.toMillis(1);\n}\n"));
    }

    @Test
    void aQualifiedNameAlreadyImportedOrInTheOwnPackageOrJavaLangIsReported() {
        assertEquals(List.of("A.java:3: java.util.List: write List (already imported)",
                "A.java:3: org.example.B: write B (no import needed)", "A.java:3: java.lang.String: write String (no import needed)"),
                qualified("package org.example;\nimport java.util.List;\nclass A { java.util.List<org.example.B> l; java.lang.String s; }\n",
                        "B"));
    }

    @Test
    void aNameThatWouldClashWithAnImportedOrDeclaredOrSamePackageTypeStaysQualified() {
        assertEquals(List.of(), qualified("""
                package a;
                import java.util.stream.Stream;
                class A {
                    record Event(String x) {}
                    Stream<org.example.domain.Stream> s;
                    org.example.fhir.Event e;
                    org.example.other.Sibling t;
                    java.awt.List u;
                    java.util.List<String> v;
                }
                """, "Sibling"));
    }

    @Test
    void aNameUsedUnqualifiedForAnotherTypeStaysQualified() {
        assertEquals(List.of(), qualified("package a;\nclass A { String s; org.example.String t; }\n"));
    }

    @Test
    void commentsJavadocAndStringsAreNotCode() {
        assertEquals(List.of(), qualified("""
                package a;
                /** Uses {@link java.util.List}. */
                class A {
                    // java.util.Map here
                    String s = "java.io.IOException: disk gone";
                    String t = \"""
                            org.example.Text
                            \""";
                    char c = '"'; /* java.util.Set */ String u = "a \\" java.util.Set";
                }
                """));
    }

    @Test
    void aSleepWithoutAPacingCommentIsReported() {
        assertEquals(List.of("T.java:3: a sleep in a test: wait for the condition with Eventually (or BrowserSteps.settled); "
                + "a benchmark's pacing says why in a '// pacing:' comment", "T.java:4: a sleep in a test: wait for the "
                + "condition with Eventually (or BrowserSteps.settled); a benchmark's pacing says why in a '// pacing:' comment"),
                sleeps("class T {\n  void t() throws Exception {\n    Thread.sleep(500);\n    TimeUnit.SECONDS.sleep(1);\n  }\n}\n"));
    }

    @Test
    void aSleepWithAPacingCommentOnItsLineOrTheLineBeforeIsAllowed() {
        assertEquals(List.of(), sleeps("""
                class T {
                    void t() throws Exception {
                        Thread.sleep(500); // pacing: the broker stays down as planned
                        // pacing: the benchmark's timeline
                        Thread.sleep(1000);
                        // Thread.sleep(5) in a comment is no sleep
                        String s = "Thread.sleep(5)";
                    }
                }
                """));
    }

    @Test
    void theTestHelpersFollowBothRules() {
        assertEquals(List.of(), SourceRules.ofModule());
        assertEquals(List.of(), SourceRules.unexplainedSleeps(Path.of("src/main/java")), "the helpers are test code too");
    }
}
