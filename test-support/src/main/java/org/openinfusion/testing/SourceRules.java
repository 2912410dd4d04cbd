package org.openinfusion.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two source rules the compiler does not check, read from the {@code .java} files themselves (every module's
 * {@code SourceRulesTest} runs them on its own sources; docs/architecture.md, "Source rules"):
 * <ul>
 * <li>no inline fully qualified class name where an import serves. A qualified name is kept only where an import
 * would clash: the file imports or declares another type of that simple name, its package has one, it qualifies
 * two types of that simple name, or it uses the simple name unqualified for another type. Comments, string
 * literals and text blocks are not code and are not read;</li>
 * <li>no {@code Thread.sleep} (nor {@code TimeUnit...sleep}) in test code unless a {@code // pacing:} comment on
 * its line or the line before says why: tests wait for a condition with {@link Eventually}; a benchmark or a
 * drill may pace itself.</li>
 * </ul>
 */
public final class SourceRules {
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.$])((?:java|javax|jakarta|org|com|io|net|picocli|okhttp3)(?:\\.[a-z_][a-z0-9_]*)*)\\.([A-Z][A-Za-z0-9_]*)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern STATEMENT = Pattern.compile("^\\s*(?:package|import)\\b[^;]*;", Pattern.MULTILINE);
    private static final Pattern TYPE_IMPORT = Pattern.compile("^\\s*import\\s+(?!static\\b)([\\w.]+)\\.([A-Z]\\w*)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern WILDCARD_IMPORT = Pattern.compile("^\\s*import\\s+(?!static\\b)([\\w.]+)\\.\\*\\s*;",
            Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    private static final Pattern SLEEP = Pattern.compile(
            "(?<![\\w.$])(?:Thread|(?:TimeUnit\\.)?(?:NANOSECONDS|MICROSECONDS|MILLISECONDS|SECONDS|MINUTES|HOURS|DAYS))\\s*\\.\\s*sleep\\s*\\(");
    private static final String PACING = "// pacing:";

    private SourceRules() {
    }

    /** One finding: where, and what to do about it. */
    public record Finding(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /**
     * Both rules over the module the tests run in (the working directory): qualified names in {@code src/main/java}
     * and {@code src/test/java}, sleeps in {@code src/test/java}.
     */
    public static List<Finding> ofModule() {
        Path main = Path.of("src/main/java");
        Path test = Path.of("src/test/java");
        List<Finding> found = new ArrayList<>(inlineQualifiedNames(main, test));
        found.addAll(unexplainedSleeps(test));
        return found;
    }

    /** The inline fully qualified class names an import would serve, in every {@code .java} file under {@code roots}. */
    public static List<Finding> inlineQualifiedNames(Path... roots) {
        List<Path> files = javaFiles(roots);
        Map<String, Set<String>> typesByPackage = new HashMap<>();
        for (Path f : files) {
            String pkg = packageOf(mask(read(f)));
            typesByPackage.computeIfAbsent(pkg, k -> new HashSet<>()).add(f.getFileName().toString().replace(".java", ""));
        }
        List<Finding> found = new ArrayList<>();
        for (Path f : files) {
            String src = read(f);
            found.addAll(inlineQualifiedNames(f.toString(), src,
                    typesByPackage.getOrDefault(packageOf(mask(src)), Set.of())));
        }
        return found;
    }

    /**
     * The inline fully qualified class names an import would serve in one source file; {@code packageTypes} are the
     * simple names of the types in the file's package (an import of another type of such a name would hide it).
     */
    public static List<Finding> inlineQualifiedNames(String file, String source, Set<String> packageTypes) {
        String code = mask(source);
        String pkg = packageOf(code);
        List<int[]> statements = spans(STATEMENT.matcher(code));
        Map<String, Set<String>> imported = new HashMap<>();
        for (Matcher m = TYPE_IMPORT.matcher(code); m.find();) {
            imported.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(m.group(1));
        }
        Set<String> wildcards = new HashSet<>();
        for (Matcher m = WILDCARD_IMPORT.matcher(code); m.find();) {
            wildcards.add(m.group(1));
        }
        Set<String> declared = new HashSet<>();
        for (Matcher m = DECLARED.matcher(code); m.find();) {
            declared.add(m.group(1));
        }
        record Hit(int start, int end, String pkg, String simple) {
        }
        List<Hit> hits = new ArrayList<>();
        Map<String, Set<String>> packagesBySimple = new HashMap<>();
        for (Matcher m = QUALIFIED.matcher(code); m.find();) {
            if (!inside(statements, m.start())) {
                hits.add(new Hit(m.start(), m.end(), m.group(1), m.group(2)));
                packagesBySimple.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(m.group(1));
            }
        }
        List<int[]> hitSpans = hits.stream().map(h -> new int[] {h.start(), h.end()}).toList();
        List<Finding> found = new ArrayList<>();
        for (Hit h : hits) {
            String simple = h.simple();
            boolean own = h.pkg().equals(pkg) || h.pkg().equals("java.lang");
            boolean clash = packagesBySimple.get(simple).size() > 1
                    || declared.contains(simple) && !h.pkg().equals(pkg)
                    || imported.containsKey(simple) && !imported.get(simple).equals(Set.of(h.pkg()))
                    || packageTypes.contains(simple) && !h.pkg().equals(pkg)
                    || !own && !imported.containsKey(simple) && !wildcards.contains(h.pkg())
                            && usedUnqualified(code, simple, statements, hitSpans);
            if (!clash) {
                String what = h.pkg() + "." + simple;
                String fix = own ? "write " + simple + " (no import needed)"
                        : imported.containsKey(simple) || wildcards.contains(h.pkg()) ? "write " + simple + " (already imported)"
                        : "import " + what + " and write " + simple;
                found.add(new Finding(file, lineOf(source, h.start()), what + ": " + fix));
            }
        }
        return found;
    }

    /** The sleeps in every {@code .java} file under {@code roots} without a {@code // pacing:} comment saying why. */
    public static List<Finding> unexplainedSleeps(Path... roots) {
        List<Finding> found = new ArrayList<>();
        for (Path f : javaFiles(roots)) {
            found.addAll(unexplainedSleeps(f.toString(), read(f)));
        }
        return found;
    }

    /** The sleeps in one source file without a {@code // pacing:} comment on their line or the line before. */
    public static List<Finding> unexplainedSleeps(String file, String source) {
        String code = mask(source);
        String[] lines = source.split("\n", -1);
        List<Finding> found = new ArrayList<>();
        for (Matcher m = SLEEP.matcher(code); m.find();) {
            int line = lineOf(source, m.start());
            boolean explained = lines[line - 1].contains(PACING) || line > 1 && lines[line - 2].strip().startsWith(PACING);
            if (!explained) {
                found.add(new Finding(file, line, "a sleep in a test: wait for the condition with Eventually (or "
                        + "BrowserSteps.settled); a benchmark's pacing says why in a '" + PACING + "' comment"));
            }
        }
        return found;
    }

    /** The source with comments, string and character literals and text blocks blanked (lines and offsets kept). */
    static String mask(String src) {
        char[] out = src.toCharArray();
        int n = src.length();
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int j = src.indexOf('\n', i);
                j = j < 0 ? n : j;
                blank(out, i, j);
                i = j;
            } else if (src.startsWith("/*", i)) {
                int j = src.indexOf("*/", i + 2);
                j = j < 0 ? n : j + 2;
                blank(out, i, j);
                i = j;
            } else if (src.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !src.startsWith("\"\"\"", j)) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 3);
                blank(out, i + 1, j - 1);
                i = j;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j);
                blank(out, i + 1, j);
                i = j + 1;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static void blank(char[] out, int from, int to) {
        for (int k = from; k < to && k < out.length; k++) {
            if (out[k] != '\n') {
                out[k] = ' ';
            }
        }
    }

    private static boolean usedUnqualified(String code, String simple, List<int[]> statements, List<int[]> hits) {
        for (Matcher m = Pattern.compile("(?<![\\w.$])" + Pattern.quote(simple) + "\\b").matcher(code); m.find();) {
            if (!inside(statements, m.start()) && !inside(hits, m.start())) {
                return true;
            }
        }
        return false;
    }

    private static List<int[]> spans(Matcher m) {
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static boolean inside(List<int[]> spans, int pos) {
        return spans.stream().anyMatch(s -> s[0] <= pos && pos < s[1]);
    }

    private static String packageOf(String code) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "";
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (source.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> javaFiles(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
