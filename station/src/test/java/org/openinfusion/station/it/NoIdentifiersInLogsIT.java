package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.testing.Eventually;
import org.slf4j.LoggerFactory;

/**
 * docs/security.md: patient identifiers are never written to the station's logs. A whole station on real servers, with
 * a simulated bed streaming, is driven through the bus as staff would (a session from creation to close with a marker
 * note and reasons, refused commands, an export; a study subject enrolled twice and a rating visit with a note) using
 * subject codes and free texts that appear nowhere else; every log line of the run, its arguments and any stack trace
 * are then searched for them.
 */
class NoIdentifiersInLogsIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final String PROTOCOL = "ketamine-buprenorphine-double-dummy";
    private static final String SESSION_SUBJECT = "PTID-73019";
    private static final String VISIT_SUBJECT = "PTID-88102";
    /** Free texts staff type (notes, reasons) may hold an identifier: none of them is logged either. */
    private static final String FREE_TEXT = "NOTE-SECRET-5521";
    private static final Set<String> NEVER_LOGGED = Set.of(SESSION_SUBJECT, VISIT_SUBJECT, FREE_TEXT);

    /** Every event logged anywhere in this JVM while attached, as the text a log file would hold. */
    private static final class Captured extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            StringBuilder b = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            e.getMDCPropertyMap().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                b.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                    b.append(' ').append(s.getSTEAsString());
                }
            }
            lines.add(b.toString());
        }
    }

    @Test
    void noSubjectCodeOrStaffTextReachesTheLogsOfAWholeSessionAndVisit() throws Exception {
        Path data = SERVERS.newFolder("identifiers");
        UserStore users = UserStore.at(data.resolve(UserStore.FILE_NAME), 4);
        users.put("nurse-it", Role.NURSE, "Nina Test", "nurse-password".toCharArray());
        users.put("dr-it", Role.PHYSICIAN, "Dr. Iris Test", "doctor-password".toCharArray());
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Captured log = new Captured();
        log.start();
        root.addAppender(log);
        try (StationApp station = StationApp.start(StationFixture.config(StationFixture.settings(SERVERS, data, "station-identifiers")),
                Clock.systemUTC(), Vertx.vertx());
             SimulatedBeds sim = SimulatedBeds.start(SimulatorConfig.defaults(SERVERS.mosquitto().url()).withBedPrefix("idl").withBeds(1)
                     .withProgressInterval(Duration.ZERO))) {
            StationFixture.awaitSubscribed(station);
            Vertx vertx = station.vertx();
            DeliveryOptions nurse = BusGuard.options(signIn(vertx, "nurse-it", "nurse-password"), 30_000);
            DeliveryOptions doctor = BusGuard.options(signIn(vertx, "dr-it", "doctor-password"), 30_000);
            String bed = sim.bedIds().getFirst();

            // a session from creation to an early close, with a marker note, on a bed whose devices stream
            await(vertx.eventBus().request(Addresses.SESSION_COMMAND,
                    new SessionCommand.CreateSession("nurse-it", bed, PROTOCOL, SESSION_SUBJECT, 72, "KIT-0042"), nurse));
            // refused: the same subject on a second bed, an impossible weight, a step out of order
            refused(vertx, new SessionCommand.CreateSession("nurse-it", "idl-99", PROTOCOL, SESSION_SUBJECT, 72, "KIT-0043"), nurse);
            refused(vertx, new SessionCommand.CreateSession("nurse-it", "idl-98", PROTOCOL, SESSION_SUBJECT + "-B", 7000, "KIT-0044"), nurse);
            refused(vertx, new SessionCommand.SessionStep("nurse-it", bed, Step.END_OF_INFUSION, FREE_TEXT), nurse);
            await(vertx.eventBus().request(Addresses.SESSION_COMMAND, new SessionCommand.SessionStep("nurse-it", bed, Step.BASELINE, null), nurse));
            await(vertx.eventBus().request(Addresses.SESSION_COMMAND,
                    new SessionCommand.AddMarker("nurse-it", bed, MarkerKind.ANXIETY, "said " + FREE_TEXT), nurse));
            String sessionId = await(vertx.eventBus().<CommandReply>request(Addresses.SESSION_COMMAND,
                    new SessionCommand.SessionStep("nurse-it", bed, Step.CLOSE, "withdrew: " + FREE_TEXT + " " + SESSION_SUBJECT), nurse))
                    .body().view().sessionId();
            assertNotNull(sessionId);
            // its export, as review asks for it
            await(vertx.eventBus().request(Addresses.REVIEW_EXPORT, new ReviewRequest.Export(sessionId, null, ExportFormat.RATINGS_CSV), doctor));

            // a study subject enrolled (and refused the second time), a rating visit with a note, completed
            await(vertx.eventBus().request(Addresses.VISIT_COMMAND, new VisitCommand.Enrol(VISIT_SUBJECT, PROTOCOL, LocalDate.now()), nurse));
            refused(vertx, Addresses.VISIT_COMMAND, new VisitCommand.Enrol(VISIT_SUBJECT, PROTOCOL, LocalDate.now()), nurse);
            String visit = await(vertx.eventBus().<VisitReply.Done>request(Addresses.VISIT_COMMAND,
                    new VisitCommand.StartUnscheduled(VISIT_SUBJECT, PROTOCOL, 1, "asked to be seen: " + FREE_TEXT), nurse)).body().visitSessionId();
            await(vertx.eventBus().request(Addresses.VISIT_COMMAND, new VisitCommand.AddNote(visit, FREE_TEXT + " " + VISIT_SUBJECT), nurse));
            await(vertx.eventBus().request(Addresses.VISIT_COMMAND, new VisitCommand.Complete(visit), nurse));

            // the station's own lines of the run, each written after its answer: the capture saw them
            Eventually.waitUntil(Duration.ofSeconds(30), "the station logged the sign-ins, the export and the refused visit request",
                    () -> List.of("signed in as nurse", "signed in as physician", "ratings-csv export of", "by nurse-it refused").stream()
                            .allMatch(t -> log.lines.stream().anyMatch(l -> l.contains(t))));
        } finally {
            root.detachAppender(log);
        }

        List<String> leaks = log.lines.stream().filter(l -> NEVER_LOGGED.stream().anyMatch(l::contains)).toList();
        assertEquals(List.of(), leaks, "log lines holding a subject code or a staff free text, of " + log.lines.size());
        // the capture saw the run: the station's own lines, refusals included
        assertTrue(log.lines.stream().anyMatch(l -> l.contains("org.openinfusion.station")), "station lines captured");
    }

    private static String signIn(Vertx vertx, String user, String password) throws Exception {
        return await(vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN,
                new AuthMessages.SignInRequest(user, password.toCharArray()))).body().token();
    }

    private static void refused(Vertx vertx, SessionCommand c, DeliveryOptions as) {
        refused(vertx, Addresses.SESSION_COMMAND, c, as);
    }

    private static void refused(Vertx vertx, String address, Object c, DeliveryOptions as) {
        Exception e = assertThrows(Exception.class, () -> await(vertx.eventBus().request(address, c, as)), "refused: " + c);
        assertTrue(e instanceof ReplyException || e.getCause() instanceof ReplyException, "a reply naming the refusal: " + e);
    }
}
