package org.openinfusion.station.storage.influx;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.storage.LineProtocol;
import org.openinfusion.station.storage.PointWriter;

/** {@link PointWriter} over influxdb-java's v1 HTTP API (InfluxDB 1.x, or 2.x/3 through their v1 endpoints). */
public final class InfluxPointWriter implements PointWriter {
    private final InfluxConfig config;
    private final InfluxDB influx;

    public InfluxPointWriter(InfluxConfig config) {
        this.config = config;
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        this.influx = config.username().isEmpty()
                ? InfluxDBFactory.connect(config.url(), http)
                : InfluxDBFactory.connect(config.url(), config.username(), config.password(), http);
    }

    @Override
    public void prepare() {
        String db = quote(config.database());
        run("CREATE DATABASE " + db);
        run("CREATE RETENTION POLICY " + quote(config.retentionPolicy()) + " ON " + db
                + " DURATION " + config.retentionDuration() + " REPLICATION 1 DEFAULT");
    }

    @Override
    public void write(String lineProtocol) {
        try {
            influx.write(config.database(), config.retentionPolicy(), InfluxDB.ConsistencyLevel.ONE,
                    TimeUnit.NANOSECONDS, LineProtocol.withNanosecondTimes(lineProtocol));
        } catch (InfluxDBException.DatabaseNotFoundException e) {
            throw new StoreUnavailableException("database missing: " + e.getMessage(), e);
        } catch (InfluxDBException e) {
            if (e.isRetryWorth()) {
                throw new StoreUnavailableException(e.getMessage(), e);
            }
            throw new PointsRejectedException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(e.toString(), e);
        }
    }

    /** {@code GET /ping}: InfluxDB answers 204 without touching any data. */
    @Override
    public boolean ping() {
        try {
            return influx.ping().isGood();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void run(String statement) {
        QueryResult result;
        try {
            result = influx.query(new Query(statement));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(e.toString(), e);
        }
        if (result.hasError()) {
            throw new StoreUnavailableException(statement + ": " + result.getError(), null);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        influx.close();
    }
}
