package org.openinfusion.dashboard.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's garbage collections, from the {@link GarbageCollectorMXBean} notifications, and its heap
 * after a full collection.
 *
 * <p>Pauses: every notification of a collector whose name does not end in "Cycles" is one pause
 * (G1 Young/Old/Concurrent (the last: Remark and Cleanup), ZGC and Shenandoah "Pauses"); the "Cycles"
 * beans report concurrent work, which does not stop the application. Collections the benchmark caused
 * itself ({@code System.gc()}, cause "System.gc()") are counted apart. Durations have the
 * notification's resolution: whole milliseconds.
 *
 * <p>Heap after GC: {@code System.gc()} (a full, synchronous collection for G1, Parallel, Serial and
 * ZGC unless -XX:+DisableExplicitGC or ExplicitGCInvokesConcurrent), then
 * {@code MemoryMXBean.getHeapMemoryUsage().getUsed()} read at once; three rounds, the least.
 */
final class GcWatch implements AutoCloseable {
    private static final String SYSTEM_GC = "System.gc()";

    /** One collection as notified. */
    record Collection(long atMillis, String collector, String action, String cause, long millis) {
    }

    private final List<Collection> collections = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private volatile boolean recording;

    GcWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts (or restarts) recording pauses. */
    synchronized void startRecording() {
        collections.clear();
        recording = true;
    }

    synchronized void stopRecording() {
        recording = false;
    }

    private void onNotification(Notification n, Object handback) {
        if (!recording || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        synchronized (this) {
            collections.add(new Collection(System.currentTimeMillis(), info.getGcName(), info.getGcAction(),
                    info.getGcCause(), info.getGcInfo().getDuration()));
        }
    }

    static boolean isPause(Collection c) {
        return !c.collector().endsWith("Cycles");
    }

    /** Pause durations in ms, sorted, leaving out the benchmark's own System.gc() calls. */
    synchronized long[] pauses() {
        return collections.stream().filter(GcWatch::isPause).filter(c -> !SYSTEM_GC.equals(c.cause()))
                .mapToLong(Collection::millis).sorted().toArray();
    }

    /** Count, longest ms, whether it counts as a pause, per collector and cause. */
    synchronized Map<String, long[]> summary() {
        Map<String, long[]> out = new TreeMap<>();
        for (Collection c : collections) {
            long[] s = out.computeIfAbsent(c.collector() + " / " + c.cause(), k -> new long[3]);
            s[0]++;
            s[1] = Math.max(s[1], c.millis());
            s[2] = isPause(c) ? 1 : 0;
        }
        return out;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * Heap after a full collection, in bytes: {least, greatest} of three rounds of System.gc() then heap used. The least
     * is the figure: what the application allocates while a concurrent collector (ZGC) still runs only ever adds.
     */
    static long[] heapAfterFullGc() throws InterruptedException {
        long[] used = new long[3];
        for (int i = 0; i < used.length; i++) {
            System.gc();
            used[i] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Thread.sleep(300); // pacing: lets the concurrent collector finish between the rounds measured
        }
        Arrays.sort(used);
        return new long[] {used[0], used[used.length - 1]};
    }

    /** Heap used now (no collection), in bytes. */
    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String collectorNames() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
