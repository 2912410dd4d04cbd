package org.openinfusion.dashboard.app;

import java.io.PrintStream;

/**
 * Vaadin Boot prints its own banner on standard output when its server starts: "Please open http://... in your
 * browser" (plain http, although the dashboard serves https) and, outside production mode, a hint to run
 * {@code ./gradlew vaadinPrepareFrontend}, which is wrong for this project. The launcher prints the dashboard's address
 * itself, so those lines are left out while the server starts; every other line is printed as it comes.
 */
final class BootBanner extends PrintStream {
    /** Something that starts a server and may fail. */
    interface Start {
        void run() throws Exception;
    }

    private BootBanner(PrintStream out) {
        super(out, true);
    }

    /** Runs {@code start} with Vaadin Boot's banner lines left out of standard output. */
    static void withoutBanner(Start start) throws Exception {
        PrintStream out = System.out;
        System.setOut(new BootBanner(out));
        try {
            start.run();
        } finally {
            System.setOut(out);
        }
    }

    /** True for a line of Vaadin Boot's banner. */
    static boolean banner(String line) {
        return line != null && (line.contains("Please open http") || line.contains("gradlew vaadinPrepareFrontend")
                || line.strip().startsWith("================="));
    }

    @Override
    public void println(String x) {
        if (!banner(x)) {
            super.println(x);
        }
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }
}
