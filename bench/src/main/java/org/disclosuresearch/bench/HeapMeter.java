package org.disclosuresearch.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap and GC time of one phase in this JVM: the heap pools' peak usage since {@link #reset()} (their sum, an
 * upper bound of the true peak, since pools peak at different moments) and the collectors' accumulated time.
 */
final class HeapMeter {

    private long gcMillisAtReset;
    private long gcCountAtReset;

    void reset() {
        System.gc(); // start each phase from the live set, not from the previous phase's garbage
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        gcMillisAtReset = gcMillis();
        gcCountAtReset = gcCount();
    }

    double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    long gcMillisSinceReset() {
        return gcMillis() - gcMillisAtReset;
    }

    long gcCountSinceReset() {
        return gcCount() - gcCountAtReset;
    }

    static double maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(t -> t > 0).sum();
    }
}
