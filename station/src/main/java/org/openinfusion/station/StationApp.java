package org.openinfusion.station;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.openinfusion.station.broker.BrokerRules;
import org.openinfusion.station.broker.EmbeddedBroker;
import org.openinfusion.station.broker.MqttPasswords;
import org.openinfusion.station.tls.GeneratedTls;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditTamperedException;
import org.openinfusion.station.clinical.audit.AuditChainBrokenException;
import org.openinfusion.station.clinical.audit.AuditAnchor;
import org.openinfusion.station.clinical.audit.AuditWriter;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.audit.AuditTail;
import org.openinfusion.station.clinical.audit.TailHistory;
import org.openinfusion.station.clinical.bus.ReviewVerticle;
import org.openinfusion.station.clinical.bus.SessionVerticle;
import org.openinfusion.station.clinical.bus.VisitVerticle;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.rating.yaml.SiteFileException;
import org.openinfusion.station.clinical.export.ExportSpool;
import org.openinfusion.station.clinical.export.StudySite;
import org.openinfusion.station.clinical.review.NoTimeSeries;
import org.openinfusion.station.clinical.review.ReviewService;
import org.openinfusion.station.clinical.service.AuditLogTrail;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.blinding.KitAssignments;
import org.openinfusion.station.clinical.kit.KitList;
import org.openinfusion.station.clinical.kit.KitListException;
import org.openinfusion.station.config.ClinicalConfig;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.config.SiteConfig;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.device.DeviceDrivers;
import org.openinfusion.station.device.mqtt.MqttIngestVerticle;
import org.openinfusion.station.device.serial.DevicesVerticle;
import org.openinfusion.station.health.DiskSpace;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.station.health.HealthVerticle;
import org.openinfusion.station.health.IngestMetrics;
import org.openinfusion.station.health.StatusHttpVerticle;
import org.openinfusion.station.process.Binaries;
import org.openinfusion.station.process.Alongside;
import org.openinfusion.station.process.LocalInfluxd;
import org.openinfusion.station.security.AuthVerticle;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.SignIns;
import org.openinfusion.station.security.TabletGrants;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.station.storage.PointWriter;
import org.openinfusion.station.storage.StorageDrain;
import org.openinfusion.station.storage.StorageVerticle;
import org.openinfusion.station.storage.UnavailableStore;
import org.openinfusion.station.storage.influx.InfluxPointWriter;
import org.openinfusion.station.storage.influx.InfluxTimeSeriesReader;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the station (the embedded broker and the private influxd, if configured, each on its own thread beside the
 * durable buffer and the audit check; then the drain and the verticles, those that take MQTT data in last, when the
 * broker is up) and stops it in reverse. Used by the station's and the dashboard's
 * launchers and by the integration tests.
 */
public final class StationApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationApp.class);
    /** The folder in the data folder where EDF+ exports wait for their download ({@link ExportSpool}). */
    public static final String EXPORT_SPOOL = "export-spool";

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final Vertx vertx;
    private final StationConfig config;
    private final HealthVerticle health;
    private final StatusHttpVerticle status;
    /** Completed when the MQTT ingest has first connected to the broker and subscribed. */
    private final CompletableFuture<Void> brokerConnected = new CompletableFuture<>();
    private SessionService sessions;
    private InstrumentCatalog instruments;
    private SignIns signIns;
    private UserStore users;

    private StationApp(Beginning begun, Clock clock, Vertx vertx) throws Exception {
        this.vertx = vertx;
        // started beside the journal and the audit check (each takes seconds); joined, and then remembered for closing, below
        Alongside<Optional<LocalInfluxd>> influxdStart = begun.influxd;
        Alongside<Optional<BrokerStarted>> brokerStart = begun.broker;
        begun.handedOver();
        try {
            StationConfig cfg = begun.config;
            DurableJournal journal = remember(DurableJournal.open(cfg.buffer().dir(), cfg.buffer().maxBytes(), cfg.buffer().segmentBytes(),
                    CompactEncoder.FORMAT));
            warnIfDiskSmallerThanBuffer(cfg);
            Files.createDirectories(cfg.dataDir().resolve("audit"));
            Path auditFile = cfg.dataDir().resolve("audit").resolve("audit.log");
            AuditLog auditLog = remember(openAudit(auditFile, cfg.dataDir().resolve("keys"), clock, cfg.security().auditCheckpointEvery()));
            Optional<LocalInfluxd> influxd = influxdStart.join();
            influxdStart = null;
            influxd.ifPresent(this::remember);
            PointWriter writer;
            if (influxd.isPresent()) {
                // the private influxd requires authentication: write as its administrator, review and export as its reader
                LocalInfluxd own = influxd.get();
                own.grantRead(cfg.influx().database());
                cfg = cfg.withInflux(cfg.influx().withUrl(own.url()).withCredentials(own.admin().username(),
                        own.admin().password(), own.reader().username(), own.reader().password()));
            }
            if (cfg.influx().managed()) {
                writer = new UnavailableStore("influxd is not installed (" + INSTALL_HINT + ")");
            } else {
                writer = new InfluxPointWriter(cfg.influx());
            }
            remember(writer);
            StorageDrain drain = remember(new StorageDrain(journal, writer, cfg.influx().batchBytes(),
                    cfg.dataDir().resolve("dead-letters").resolve("points.lp")));
            remember(vertx::close);
            Codecs.registerAll(vertx);
            IngestMetrics metrics = new IngestMetrics(clock, cfg.health().rejectLogInterval());
            DevicesVerticle devices = new DevicesVerticle(cfg.devices(), DeviceDrivers.discover(), metrics, clock);
            DiskSpace disk = DiskSpace.of(List.of(cfg.dataDir(), cfg.buffer().dir()), cfg.health().diskLowBytes());
            await(vertx.deployVerticle(new StorageVerticle(journal)));
            String devicesId = await(vertx.deployVerticle(devices));
            // At shut-down, stop taking data in before storage goes (closed in reverse order: these first).
            remember(() -> stopWithin(vertx.undeploy(devicesId), UNDEPLOY_LIMIT, "the devices verticle (serial ports)"));
            AuditLogTrail auditTrail = new AuditLogTrail(new AuditWriter(auditLog), vertx.eventBus());
            ProtocolCatalog protocols = ProtocolCatalog.builtIn();
            instruments = instruments(cfg.site());
            sessions = new SessionService(protocols, instruments, auditTrail, clock, AlarmSettings.DEFAULTS,
                    studyFiles(cfg.clinical(), protocols));
            SessionService.Restored restored = auditLog.available() ? sessions.restore(HistoryReader.history(auditFile))
                    : sessions.restore(HistoryReader.history(List.of()));
            if (restored.sessions() > 0) {
                LOG.info("took up {} session(s) left open by the previous run (from the audit trail)", restored.sessions());
            }
            restored.problems().forEach(p -> LOG.error("{}", p));
            signIns = new SignIns(clock, cfg.security().sessionTimeout());
            BusGuard guard = new BusGuard(signIns, auditTrail,
                    new TabletGrants(clock, cfg.security().tabletCodeValidity(), cfg.security().tabletIdleLock()));
            users = UserStore.at(cfg.dataDir().resolve(UserStore.FILE_NAME));
            Authenticator authenticator = new Authenticator(users, auditTrail, clock, cfg.security());
            await(vertx.deployVerticle(new AuthVerticle(authenticator, signIns, guard, users, auditTrail, clock),
                    new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
            await(vertx.deployVerticle(new SessionVerticle(sessions, Duration.ofSeconds(1), guard, Optional.of(authenticator)),
                    new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
            TimeSeriesReader series = cfg.influx().managed() ? new NoTimeSeries("influxd is not installed (" + INSTALL_HINT + ")")
                    : remember(new InfluxTimeSeriesReader(cfg.influx()));
            // exports a stop left half-written or never fetched: nothing can be using them before review starts
            ExportSpool spool = new ExportSpool(cfg.dataDir().resolve(EXPORT_SPOOL));
            int stale = spool.sweep();
            if (stale > 0) {
                LOG.info("deleted {} export spool file(s) left from an earlier run", stale);
            }
            ReviewService review = new ReviewService(new AuditTail(cfg.dataDir().resolve("audit").resolve("audit.log")), auditTrail,
                    series, sessions.protocols(), instruments, authenticator, clock,
                    new StudySite(cfg.site().siteId(), cfg.site().country(), cfg.site().timeZone()), spool);
            await(vertx.deployVerticle(new ReviewVerticle(review, guard), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
            VisitService visits = new VisitService(sessions.protocols(), instruments, auditTrail, new TailHistory(new AuditTail(auditFile)),
                    clock, clock.getZone());
            await(vertx.deployVerticle(new VisitVerticle(visits, guard), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
            // the embedded broker is the slowest start: everything that does not need it is up by now
            Optional<BrokerStarted> broker = brokerStart.join();
            brokerStart = null;
            if (broker.isPresent()) {
                remember(broker.get().broker());
                cfg = cfg.withMqtt(broker.get().settings());
            }
            this.config = cfg;
            MqttIngestVerticle ingest = new MqttIngestVerticle(cfg.mqtt(), metrics, clock);
            health = new HealthVerticle(cfg.health(), metrics, ingest, drain, journal, cfg.buffer().warnFraction(),
                    () -> Stream.concat(devices.statuses().stream(), ingest.devices().stream()).toList(),
                    new HealthVerticle.Files(disk, auditLog::unavailableReason, auditLog::maintain));
            ingest.onConnectionChange(() -> {
                health.changed();
                if (ingest.connected()) {
                    brokerConnected.complete(null);
                }
            });
            drain.onReachabilityChange(health::changed);
            auditLog.onStatusChange((available, reason) -> health.changed());
            status = new StatusHttpVerticle(cfg.http().host(), cfg.http().statusPort(), health::current);
            String ingestId = await(vertx.deployVerticle(ingest));
            remember(() -> stopWithin(vertx.undeploy(ingestId), UNDEPLOY_LIMIT, "the MQTT ingest verticle"));
            await(vertx.deployVerticle(health));
            await(vertx.deployVerticle(status));
            // from now on the launcher's shutdown hook closes the station in order: the store after the drain
            influxd.ifPresent(LocalInfluxd::ownerStopsAtExit);
            LOG.info("station {} running: broker {}, store {}, status http://{}:{}/health", cfg.stationId(),
                    cfg.mqtt().url(), cfg.influx().url(), cfg.http().host(), status.actualPort());
        } catch (Exception e) {
            // what was started beside the failed step is stopped with the rest
            settle(influxdStart, e);
            settle(brokerStart, e);
            close();
            throw e;
        }
    }

    /** Waits for a start made beside one that failed ({@code failure}) and remembers what it started, for closing. */
    private void settle(Alongside<? extends Optional<?>> start, Exception failure) {
        if (start == null) {
            return;
        }
        try {
            start.join().ifPresent(started -> remember(switch (started) {
                case BrokerStarted b -> b.broker();
                case AutoCloseable c -> c;
                default -> throw new IllegalStateException("not closeable: " + started);
            }));
        } catch (Exception alsoFailed) {
            if (alsoFailed != failure) { // the failed step may be this start itself, joined before
                failure.addSuppressed(alsoFailed);
            }
        }
    }

    /** The kit list and the pharmacy's kit-to-arm file, when configured; a bad file stops the start, naming every bad line. */
    static SessionService.StudyFiles studyFiles(ClinicalConfig c, ProtocolCatalog protocols) throws IOException {
        Optional<KitList> kits = Optional.empty();
        if (c.kitList().isPresent()) {
            Path file = c.kitList().get();
            try {
                kits = Optional.of(KitList.parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
            } catch (KitListException e) {
                throw new ConfigException("clinical.kitList: " + String.join("; ", e.problems()));
            } catch (IOException e) {
                throw new ConfigException("clinical.kitList: cannot read " + file + ": " + e.getMessage());
            }
            LOG.info("kit list {}: {} kits", file.getFileName(), kits.get().size());
        }
        Optional<KitAssignments> arms = Optional.empty();
        if (c.kitAssignments().isPresent()) {
            try {
                arms = Optional.of(KitAssignments.load(c.kitAssignments().get(),
                        protocols.all().stream().map(p -> p.arms()).toList()));
            } catch (IOException e) {
                throw new ConfigException("clinical.kitAssignments: " + e.getMessage());
            }
        }
        return new SessionService.StudyFiles(kits, arms);
    }

    /**
     * Opens the audit trail with its signed checkpoints. A trail whose chain is broken, or that is shorter than or
     * differs from its last signed checkpoint, is refused: the station runs with the trail unavailable (AUDIT_UNAVAILABLE,
     * /health 503 with the reason), writes nothing to it and keeps it as evidence.
     */
    private static AuditLog openAudit(Path auditFile, Path keysDir, Clock clock, int every) throws IOException {
        try {
            return AuditLog.open(auditFile, clock, AuditAnchor.open(auditFile, keysDir, clock, every));
        } catch (AuditChainBrokenException | AuditTamperedException e) {
            LOG.error("AUDIT TRAIL REFUSED: {}", e.getMessage());
            return AuditLog.refused(auditFile, clock, "trail refused at start: " + e.getMessage());
        }
    }

    /**
     * The embedded broker with the device registry's rules, TLS (an authority and certificate in {@code broker/tls},
     * kept from an earlier start while they are good, on the wall clock: TLS peers check them against it) unless {@code mqtt.embeddedTls=false}, and the station's own account (a random password for this
     * run when none is configured). Returns the broker and the settings the station connects with; not yet remembered for
     * closing (this runs on its own thread).
     */
    private static BrokerStarted startEmbeddedBroker(MqttConfig m, Path dir) throws IOException {
        String user = m.username().isEmpty() ? "station" : m.username();
        String password = m.password().isEmpty() ? MqttPasswords.randomPassword() : m.password();
        BrokerRules rules = new BrokerRules(m.deviceRegistry(), m.topicPrefix(), user, MqttPasswords.hash(password.toCharArray()),
                m.clientId());
        Optional<GeneratedTls> tls = m.embeddedTls() ? Optional.of(GeneratedTls.reuseOrCreate(dir.resolve("tls"), "station embedded broker", Instant.now()))
                : Optional.empty();
        EmbeddedBroker broker = EmbeddedBroker.start(dir, m.embeddedPort(), rules, tls,
                BrokerRules.maxPacketBytes(m.maxPayloadBytes()), m.embeddedClientCa(), m.embeddedInMemory());
        MqttConfig out = m.withUrl(broker.url()).withCredentials(user, password);
        return new BrokerStarted(broker, tls.isPresent() ? out.withCaFile(tls.get().caPem()) : out);
    }

    /** The embedded broker and the settings the station connects to it with. */
    private record BrokerStarted(EmbeddedBroker broker, MqttConfig settings) {
    }

    static final String INSTALL_HINT = "on Debian or Ubuntu: sudo apt-get install influxdb; elsewhere install InfluxDB 1.x "
            + "and set influx.influxdBinary, or point influx.url at a running server";

    /** Starts the station; {@code vertx} is created by the caller (the dashboard shares it). */
    public static StationApp start(StationConfig config, Clock clock, Vertx vertx) throws Exception {
        return start(begin(config), clock, vertx);
    }

    /**
     * The first part of a start: the settings checked, then the private influxd and the embedded broker started, each on
     * its own thread (seconds each: HiveMQ's start is the longest part of the whole start, docs/performance.md); a
     * launcher calls it before it makes its Vert.x and its web server, so that their starts overlap the broker's, and
     * then {@link #start(Beginning, Clock, Vertx)}.
     *
     * @throws ConfigException when a serial device setting is wrong (nothing is started then)
     */
    public static Beginning begin(StationConfig config) {
        // refused before anything starts unless a registry or the explicit development setting is there
        config.mqtt().checkDeviceRegistry().ifPresent(LOG::error);
        // and so is a bad serial device setting (protocol, options): found before any port, broker or trail opens
        DeviceDrivers.discover().check(config.devices());
        InfluxConfig influxSettings = config.influx();
        Alongside<Optional<LocalInfluxd>> influxd = Alongside.start("station-start-influxd",
                () -> influxSettings.managed() ? startInfluxd(influxSettings) : Optional.empty());
        MqttConfig mqttSettings = config.mqtt();
        Path brokerDir = config.dataDir().resolve("broker");
        Alongside<Optional<BrokerStarted>> broker = Alongside.start("station-start-broker",
                () -> mqttSettings.embedded() ? Optional.of(startEmbeddedBroker(mqttSettings, brokerDir)) : Optional.empty());
        return new Beginning(config, influxd, broker);
    }

    /**
     * Goes on with a start {@link #begin begun}: the durable buffer and the audit check beside the broker's and influxd's
     * starts, then the verticles, those that take MQTT data in once the broker is up. The station then owns what
     * {@code begun} started (it stops it when this start fails, or when it is closed).
     */
    public static StationApp start(Beginning begun, Clock clock, Vertx vertx) throws Exception {
        if (begun.broker == null) {
            throw new IllegalStateException("this start was already handed over or closed");
        }
        return new StationApp(begun, clock, vertx);
    }

    /**
     * The embedded broker and the private influxd (each if configured) starting on their own threads ({@link #begin}), until
     * they are handed to {@link #start(Beginning, Clock, Vertx)}. {@link #close} stops them once started, for a launcher whose
     * own start failed before it handed them over; after the hand-over it does nothing.
     */
    public static final class Beginning implements AutoCloseable {
        private final StationConfig config;
        private Alongside<Optional<LocalInfluxd>> influxd;
        private Alongside<Optional<BrokerStarted>> broker;

        private Beginning(StationConfig config, Alongside<Optional<LocalInfluxd>> influxd, Alongside<Optional<BrokerStarted>> broker) {
            this.config = config;
            this.influxd = influxd;
            this.broker = broker;
        }

        private synchronized void handedOver() {
            influxd = null;
            broker = null;
        }

        @Override
        public synchronized void close() {
            if (broker == null) {
                return;
            }
            try {
                broker.join().ifPresent(b -> b.broker().close());
            } catch (Exception e) {
                LOG.warn("embedded broker (started beside a failed start): {}", e.toString());
            }
            try {
                influxd.join().ifPresent(LocalInfluxd::close);
            } catch (Exception e) {
                LOG.warn("private influxd (started beside a failed start): {}", e.toString());
            }
            handedOver();
        }
    }

    /** The private influxd, or empty when it is not installed; not yet remembered for closing (this runs on its own thread). */
    private static Optional<LocalInfluxd> startInfluxd(InfluxConfig influx) throws IOException {
        Optional<Path> binary = Binaries.find(influx.influxdBinary(), System.getenv("PATH"));
        if (binary.isEmpty()) {
            LOG.error("influxd not found ('{}'): {}. The station keeps running and holds all data in its durable buffer.",
                    influx.influxdBinary(), INSTALL_HINT);
            return Optional.empty();
        }
        return Optional.of(LocalInfluxd.start(binary.get(), influx.managedDir()));
    }

    private static void warnIfDiskSmallerThanBuffer(StationConfig cfg) throws IOException {
        long usable = Files.getFileStore(cfg.buffer().dir()).getUsableSpace();
        if (usable < cfg.buffer().maxBytes()) {
            LOG.warn("only {} MiB free for the durable buffer in {}, less than buffer.maxBytes ({} MiB)",
                    usable >> 20, cfg.buffer().dir(), cfg.buffer().maxBytes() >> 20);
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** How long the shut-down waits for a verticle that takes data in to stop before it goes on without it. */
    static final Duration UNDEPLOY_LIMIT = Duration.ofSeconds(10);

    /**
     * Waits up to {@code limit} for {@code stopped}; when it has not completed by then, logs {@code what} did not stop
     * and returns, so that the shut-down goes on (storage, the audit trail and managed processes are still closed).
     */
    static void stopWithin(Future<?> stopped, Duration limit, String what) throws Exception {
        try {
            stopped.toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} did not stop within {} s; the shut-down goes on without it", what, limit.toSeconds());
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The configuration in effect: embedded broker and managed influxd replaced by their real URLs. */
    public StationConfig config() {
        return config;
    }

    /** The station's health now. */
    public HealthSnapshot health() {
        return health.current();
    }

    /**
     * The sessions. Not thread-safe and blocking (audit fsync): use it only from a worker, e.g. through
     * {@code vertx.executeBlocking(..., true)} with ordering.
     */
    /** The rating instruments with the site's wording when {@code site.wording} names a file. */
    public InstrumentCatalog instruments() {
        return instruments;
    }

    /** The built-in instruments, with the site's wording file when one is configured; a bad file stops the start. */
    static InstrumentCatalog instruments(SiteConfig site) {
        if (site.wording().isEmpty()) {
            return InstrumentCatalog.builtIn();
        }
        try {
            InstrumentCatalog catalog = InstrumentCatalog.builtIn(site.wording().get());
            LOG.info("site wording for the rating instruments read from {}", site.wording().get());
            return catalog;
        } catch (SiteFileException e) {
            throw new ConfigException("site.wording: " + site.wording().get() + ": " + e.getMessage());
        }
    }

    public SessionService sessions() {
        return sessions;
    }

    /** The station's accounts ({dataDir}/users.properties). */
    public UserStore users() {
        return users;
    }

    /** How long a sign-in lasts without use. */
    public Duration sessionTimeout() {
        return signIns.idleTimeout();
    }

    /**
     * Waits up to {@code within} for the station's first connection to its broker (subscribed, as /health counts it);
     * true once it is made. The demo starts its simulated devices after it, so that the station's own connection is not
     * made beside theirs (docs/performance.md, "Start-up, session 11").
     */
    public boolean awaitBrokerConnection(Duration within) throws InterruptedException {
        try {
            brokerConnected.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("never completed exceptionally", e);
        }
    }

    public int statusPort() {
        return status.actualPort();
    }

    @Override
    public void close() {
        while (!toClose.isEmpty()) {
            AutoCloseable c = toClose.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }
}
