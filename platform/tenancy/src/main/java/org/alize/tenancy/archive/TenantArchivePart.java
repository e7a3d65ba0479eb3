package org.alize.tenancy.archive;

import java.io.IOException;

import org.alize.tenancy.BasinId;

/**
 * Something a service adds to its part of a basin's archive besides the basin's database: its documents of the basin
 * in the network database, the basin's keys in the vault, the basin's events. Each entry is written through
 * {@link TenantArchiveWriter}, which counts and checksums it for the manifest.
 */
@FunctionalInterface
public interface TenantArchivePart {

    void write(BasinId basin, TenantArchiveWriter archive) throws IOException;
}
