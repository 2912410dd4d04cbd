package org.openinfusion.station.storage;

/** Failure codes the storage side uses in its replies to {@code STORE} requests. */
public final class StorageReplies {
    /** The durable buffer is full: retry later, nothing was stored. */
    public static final int BUFFER_FULL = 507;
    /** Writing to the durable buffer failed: nothing was stored. */
    public static final int WRITE_FAILED = 500;

    private StorageReplies() {
    }
}
