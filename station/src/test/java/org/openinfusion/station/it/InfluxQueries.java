package org.openinfusion.station.it;

import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.process.LocalInfluxd;

/** Reads back what the station stored, through InfluxQL, for the integration tests' assertions. */
public final class InfluxQueries implements AutoCloseable {
    private final InfluxDB influx;
    private final String database;

    /** As the influxd's administrator (it requires authentication). */
    public InfluxQueries(LocalInfluxd influxd, String database) {
        this(influxd.url(), influxd.admin().username(), influxd.admin().password(), database);
    }

    /** With the credentials the station writes with. */
    public InfluxQueries(InfluxConfig config) {
        this(config.url(), config.username(), config.password(), config.database());
    }

    private InfluxQueries(String url, String username, String password, String database) {
        this.influx = InfluxDBFactory.connect(url, username, password);
        this.database = database;
    }

    /** Number of points in a measurement for one bed (all streams), or 0 when none. */
    public long count(String measurement, String bed) {
        return single("SELECT count(seq) FROM \"" + measurement + "\" WHERE bed = '" + bed + "'");
    }

    public long count(String measurement, String bed, String stream) {
        return single("SELECT count(seq) FROM \"" + measurement + "\" WHERE bed = '" + bed + "' AND stream = '" + stream + "'");
    }

    /** Distinct sequence numbers of a stream: equal to count() when nothing was stored twice. */
    public long distinctSeq(String measurement, String bed, String stream) {
        return single("SELECT count(distinct(seq)) FROM \"" + measurement + "\" WHERE bed = '" + bed + "' AND stream = '" + stream + "'");
    }

    public List<List<Object>> rows(String influxQl) {
        QueryResult r = influx.query(new Query(influxQl, database));
        if (r.hasError()) {
            throw new IllegalStateException(r.getError());
        }
        var series = r.getResults().getFirst().getSeries();
        return series == null ? List.of() : series.getFirst().getValues();
    }

    private long single(String influxQl) {
        List<List<Object>> rows = rows(influxQl);
        return rows.isEmpty() ? 0 : ((Number) rows.getFirst().get(1)).longValue();
    }

    @Override
    public void close() {
        influx.close();
    }
}
