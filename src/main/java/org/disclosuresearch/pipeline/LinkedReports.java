package org.disclosuresearch.pipeline;

import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link ReportLinker} may read of the reports a sink holds: a point-in-time view (what was sent before it was
 * opened, committed or not). Reports come without their texts (the sink keeps those). Close it when done.
 */
public interface LinkedReports extends Closeable {

    /** The stored reports holding any of {@code keys} among their keys of the linker {@code linker}. */
    List<Report> withKeys(String linker, Collection<String> keys) throws IOException;

    /** The keys of the linker {@code linker} each of these stored reports was indexed with; ids not stored left out. */
    Map<String, Set<String>> keysOf(String linker, Collection<String> ids) throws IOException;
}
